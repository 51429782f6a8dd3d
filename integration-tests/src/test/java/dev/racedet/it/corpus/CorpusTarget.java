package dev.racedet.it.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One program of the validation corpus: a source file under the targets package (or one of its
 * subpackages) that declares a {@code main} method. Files without {@code main} are helpers of the
 * targets (such as {@code Racers}) and are not programs.
 *
 * @param source the {@code .java} file
 * @param className its binary class name, derived from its path under the source root
 * @param requiredJdk the lowest JDK feature version the program runs on ({@code // REQUIRES-JDK: N}), or 17
 * @param jvmArgs     options its JVM needs ({@code // JVM-ARGS: --enable-preview}), usually none
 */
public record CorpusTarget(Path source, String className, int requiredJdk, List<String> jvmArgs) {
    /** The marker line a program that needs a newer JDK than 17 carries, e.g. {@code // REQUIRES-JDK: 21}. */
    public static final Pattern REQUIRES_JDK = Pattern.compile("^\\s*//\\s*REQUIRES-JDK:\\s*(\\d+)\\s*$");
    /** The marker line of a program whose JVM needs options, e.g. {@code // JVM-ARGS: --enable-preview}. */
    public static final Pattern JVM_ARGS = Pattern.compile("^\\s*//\\s*JVM-ARGS:\\s*(\\S.*?)\\s*$");

    private static final int BASELINE_JDK = 17;

    /** Every program under {@code sourceRoot}/{@code packageName}, subpackages included, sorted by class name. */
    public static List<CorpusTarget> findAll(Path sourceRoot, String packageName) throws IOException {
        Path dir = sourceRoot.resolve(packageName.replace('.', '/'));
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
            List<CorpusTarget> targets = new java.util.ArrayList<>();
            for (Path source : sources) {
                String text = Files.readString(source);
                if (text.contains("static void main(")) {
                    targets.add(new CorpusTarget(source, binaryName(sourceRoot, source),
                            requiredJdk(text).orElse(BASELINE_JDK), jvmArgs(text)));
                }
            }
            targets.sort(java.util.Comparator.comparing(CorpusTarget::className));
            return List.copyOf(targets);
        }
    }

    /** The class name of {@code source} relative to {@code sourceRoot}: {@code a/b/C.java} is {@code a.b.C}. */
    public static String binaryName(Path sourceRoot, Path source) {
        String relative = sourceRoot.relativize(source).toString().replace('\\', '/');
        return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
    }

    private static OptionalInt requiredJdk(String text) {
        for (String line : text.split("\n")) {
            Matcher m = REQUIRES_JDK.matcher(line);
            if (m.matches()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        return OptionalInt.empty();
    }

    private static List<String> jvmArgs(String text) {
        for (String line : text.split("\n")) {
            Matcher m = JVM_ARGS.matcher(line);
            if (m.matches()) {
                return List.of(m.group(1).split("\\s+"));
            }
        }
        return List.of();
    }

    /** The class name without its package, as the test is named. */
    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** The subpackage below the targets package, or {@code ""} for the targets package itself. */
    public String group(String packageName) {
        String pkg = className.substring(0, className.lastIndexOf('.'));
        return pkg.equals(packageName) ? "" : pkg.substring(packageName.length() + 1);
    }
}
