package dev.racedet.agent;

/**
 * Expands the placeholders of a file name option ({@code out}, {@code json}, {@code sarif},
 * {@code html}): {@code %p} becomes the JVM's process id, so the forked JVMs of one build (Surefire's
 * {@code forkCount}) each write their own file, and {@code %%} a literal {@code %}. Any other
 * {@code %} is an error rather than kept as typed: a user who writes {@code %t} expecting a time
 * stamp learns at startup that it is not expanded, instead of finding every fork writing one file.
 *
 * <p>Callers check with {@link #problem} when parsing the option (so a bad name fails fast with the
 * option's key in the message) and expand with {@link #expand} where the file is checked and opened.
 */
public final class FileNames {
    private FileNames() {
    }

    /** What is wrong with {@code name}'s placeholders, or {@code null} when every {@code %} is valid. */
    public static String problem(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '%') {
                char next = i + 1 < name.length() ? name.charAt(i + 1) : 0;
                if (next != 'p' && next != '%') {
                    return "'%" + (next == 0 ? "" : String.valueOf(next))
                            + "' is not a placeholder (use %p for the process id, %% for a percent sign)";
                }
                i++;
            }
        }
        return null;
    }

    /** {@code name} with {@code %p} replaced by this JVM's process id and {@code %%} by {@code %}. */
    public static String expand(String name) {
        return name.indexOf('%') < 0 ? name : expand(name, ProcessHandle.current().pid());
    }

    /**
     * {@code name} with {@code %p} replaced by {@code pid} and {@code %%} by {@code %}.
     *
     * @throws IllegalArgumentException if {@link #problem} finds a bad placeholder
     */
    public static String expand(String name, long pid) {
        String problem = problem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        StringBuilder b = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%') {
                b.append(name.charAt(++i) == 'p' ? Long.toString(pid) : "%");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
