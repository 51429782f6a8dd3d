package dev.racedet.it.output;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM under the agent that the test watches while it runs (and may kill), unlike {@link AgentRun},
 * which waits for the end. Its standard output and error go to files in a fresh directory.
 */
public final class LiveProcess implements AutoCloseable {
    /** How long {@link #awaitStderr} waits before the test fails: generous, only a guard against hangs. */
    private static final long PATIENCE_MILLIS = 60_000;

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private LiveProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code mainClass} of the test classes on {@code javaHome} with the agent and options. */
    public static LiveProcess start(Path javaHome, Path dir, AgentOptions options, String mainClass)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(),
                options.toJavaAgentArgument(AgentRun.agentJar().toString()),
                "-cp", AgentRun.requiredPath("targets.classes").toString(), mainClass));
        Path out = dir.resolve("live-stdout.txt");
        Path err = dir.resolve("live-stderr.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new LiveProcess(process, out, err);
    }

    /** Waits until standard error satisfies {@code condition}; fails if the JVM ends or never gets there. */
    public String awaitStderr(Predicate<String> condition) throws IOException, InterruptedException {
        return await(stderr, condition);
    }

    /** Waits until the file exists and its text satisfies {@code condition}. */
    public String await(Path file, Predicate<String> condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
        while (true) {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (Files.exists(file) && condition.test(text)) {
                return text;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("never satisfied for " + file + " (process alive: " + process.isAlive()
                        + ")\n--- file ---\n" + text + "\n--- stderr ---\n" + stderrText());
            }
            Thread.sleep(20);
        }
    }

    /** SIGKILL on Linux: no shutdown hook, no flush, nothing racedet can react to. */
    public int kill() throws InterruptedException {
        return process.destroyForcibly().waitFor();
    }

    public String stderrText() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    public String stdoutText() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
