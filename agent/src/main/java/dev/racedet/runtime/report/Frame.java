package dev.racedet.runtime.report;

/**
 * One frame of a reported stack: {@code pkg.Class.method(File.java:12)} when printed, the form IDEs
 * and terminals make clickable.
 *
 * @param className the binary class name ({@code demo.Outer$Inner})
 * @param method    the method name ({@code <init>} for constructors)
 * @param file      the source file name, {@code null} if the class does not say
 * @param line      the source line, 0 or less if unknown
 */
public record Frame(String className, String method, String file, int line) {
    /**
     * Packages whose frames are plumbing around the code under test: test frameworks, build tools,
     * reflection and racedet. Reports fold runs of them (under JUnit most frames of a stack are
     * JUnit's).
     */
    private static final String[] FRAMEWORK_PREFIXES = {
        "org.junit.", "junit.", "org.testng.", "org.apache.maven.surefire.", "org.apache.maven.plugin.surefire.",
        "org.gradle.", "jdk.internal.reflect.", "java.lang.reflect.", "sun.reflect.", "jdk.proxy",
        "dev.racedet.runtime.", "dev.racedet.agent.", "dev.racedet.junit.", "dev.racedet.shaded.",
    };

    /**
     * Reads a frame back from its {@link #toString} form ({@code pkg.Class.method(File.java:12)}), as
     * reports store it; {@code null} if {@code text} is not in that form.
     */
    public static Frame parse(String text) {
        int open = text.lastIndexOf('(');
        int dot = open < 0 ? -1 : text.lastIndexOf('.', open);
        if (dot <= 0 || !text.endsWith(")")) {
            return null;
        }
        String where = text.substring(open + 1, text.length() - 1);
        int colon = where.lastIndexOf(':');
        int line = -1;
        String file = where;
        if (colon > 0) {
            try {
                line = Integer.parseInt(where.substring(colon + 1));
                file = where.substring(0, colon);
            } catch (NumberFormatException e) {
                line = -1;
            }
        }
        return new Frame(text.substring(0, dot), text.substring(dot + 1, open),
                file.equals("Unknown Source") ? null : file, line);
    }

    /** {@code pkg.Class.method(File.java:12)}, or {@code (Unknown Source)} without a file name. */
    @Override
    public String toString() {
        String where = file == null ? "Unknown Source" : line > 0 ? file + ":" + line : file;
        return className + "." + method + "(" + where + ")";
    }

    /** Whether this frame belongs to a test framework, build tool, reflection or racedet. */
    public boolean isFramework() {
        for (String prefix : FRAMEWORK_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
