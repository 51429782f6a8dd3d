package dev.racedet.it.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Compiles test programs with the compiler of the JDK running the tests, for release 17 unless told
 * otherwise, so the class files run on every JDK of the suite. Fails the test if javac does.
 */
public final class Javac {
    private Javac() {
    }

    /** The directory of resource sources named {@code name} under {@code src/test/resources/thirdparty}. */
    public static Path sources(String name) {
        Path root = ThirdParty.testSources().resolveSibling("resources").resolve("thirdparty").resolve(name);
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(root + " does not exist");
        }
        return root;
    }

    /** Compiles every module under {@code moduleSourcePath} (one folder per module) into {@code out}. */
    public static void modules(Path moduleSourcePath, Path out) throws IOException {
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", out.toString(),
                "--module-source-path", moduleSourcePath.toString()));
        args.addAll(javaFiles(moduleSourcePath));
        run(args);
    }

    /** Compiles the sources under {@code sourceRoot} against {@code classPath} into {@code out}. */
    public static void classes(Path sourceRoot, String classPath, Path out) throws IOException {
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", out.toString()));
        if (!classPath.isEmpty()) {
            args.addAll(List.of("-cp", classPath));
        }
        args.addAll(javaFiles(sourceRoot));
        run(args);
    }

    /** Compiles {@code files} for {@code release} (8, 17, ...) into {@code out}. */
    public static void files(List<Path> files, int release, Path out) {
        // -Xlint:-options: no warning that release 8 is deprecated.
        List<String> args = new ArrayList<>(List.of("--release", String.valueOf(release), "-Xlint:-options",
                "-d", out.toString()));
        files.forEach(file -> args.add(file.toString()));
        run(args);
    }

    private static List<String> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
    }

    private static void run(List<String> args) {
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, messages, messages, args.toArray(String[]::new));
        assertEquals(0, status, () -> "javac " + String.join(" ", args) + "\n" + messages);
    }
}
