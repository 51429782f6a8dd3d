package dev.racedet.it.thirdparty;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real JVM whose command line the test writes in full, in order: the third-party tests need
 * agents in a given order ({@code -javaagent:jacocoagent.jar} before or after racedet) and launch
 * modes {@link AgentRun} does not offer ({@code -m module/class}). Each run has a fresh directory;
 * {@link #racedet()} points racedet's JSON report at {@code report.json} in it, where
 * {@link AgentRun.Result#report()} reads it.
 */
public final class JvmRun {
    private static final long TIMEOUT_SECONDS = 120;

    private final List<String> command = new ArrayList<>();
    private final Path directory;

    private JvmRun(Jdks.Jdk jdk) throws IOException {
        command.add(jdk.home().resolve("bin").resolve("java").toString());
        directory = Files.createTempDirectory("racedet-thirdparty");
    }

    /** A run of {@code jdk}'s {@code java} launcher. */
    public static JvmRun on(Jdks.Jdk jdk) throws IOException {
        return new JvmRun(jdk);
    }

    /** This run's own directory (the child's working directory). */
    public Path directory() {
        return directory;
    }

    /** Appends racedet's {@code -javaagent:} here, with the JSON report in this run's directory. */
    public JvmRun racedet() {
        command.add(new AgentOptions().setJson(jsonPath().toString())
                .toJavaAgentArgument(AgentRun.agentJar().toString()));
        return this;
    }

    /** Appends these arguments as they are. */
    public JvmRun args(String... args) {
        command.addAll(List.of(args));
        return this;
    }

    /** Appends {@code -cp} with these entries. */
    public JvmRun classPath(Path... entries) {
        List<String> names = new ArrayList<>();
        for (Path entry : entries) {
            names.add(entry.toString());
        }
        return args("-cp", String.join(File.pathSeparator, names));
    }

    public Path jsonPath() {
        return directory.resolve("report.json");
    }

    /** Runs the command and waits for it; fails the test if it runs longer than two minutes. */
    public AgentRun.Result run() throws IOException, InterruptedException {
        Path out = directory.resolve("stdout.txt");
        Path err = directory.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close(); // no input
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        return new AgentRun.Result(String.join(" ", command), process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                jsonPath());
    }
}
