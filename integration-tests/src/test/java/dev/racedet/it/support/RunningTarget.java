package dev.racedet.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A target JVM the test talks to while it runs, for {@code java -jar racedet.jar attach|detach}: the
 * target prints a word on standard output when it reaches a phase and waits for a line on standard
 * input before the next one ({@code dev.racedet.it.attach.Phases}). Standard error goes to a file in
 * the target's own temporary directory, which is also its working directory. Waiting has a generous
 * limit only so that a hang fails the test instead of blocking the build; no result depends on time.
 */
public final class RunningTarget implements AutoCloseable {
    private static final long LIMIT_SECONDS = 180;

    private final Process process;
    private final Path directory;
    private final PrintStream input;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private RunningTarget(Process process, Path directory) {
        this.process = process;
        this.directory = directory;
        this.input = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "target-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} from the test targets on {@code jdk}, with {@code jvmArgs}. */
    public static RunningTarget start(Jdks.Jdk jdk, String mainClass, String... jvmArgs) throws IOException {
        Path directory = Files.createTempDirectory("racedet-target");
        List<String> command = new ArrayList<>(List.of(jdk.home().resolve("bin").resolve("java").toString()));
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-cp", AgentRun.requiredPath("targets.classes").toString(), mainClass));
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectError(directory.resolve("stderr.txt").toFile()).start();
        return new RunningTarget(process, directory);
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(stdout failed: " + e + ")");
        }
    }

    public long pid() {
        return process.pid();
    }

    public Path directory() {
        return directory;
    }

    /** Waits for the next line of standard output and checks it is {@code expected}. */
    public void expect(String expected) throws IOException, InterruptedException {
        String line = lines.poll(LIMIT_SECONDS, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("target printed no line '" + expected + "' within " + LIMIT_SECONDS + " s\n" + this);
        }
        seen.add(line);
        if (!line.equals(expected)) {
            throw new AssertionError("expected '" + expected + "', target printed '" + line + "'\n" + this);
        }
    }

    /** The next line of standard output, which starts with {@code prefix}, without the prefix. */
    public String expectStartingWith(String prefix) throws IOException, InterruptedException {
        String line = lines.poll(LIMIT_SECONDS, TimeUnit.SECONDS);
        if (line == null || !line.startsWith(prefix)) {
            throw new AssertionError("expected a line starting with '" + prefix + "', got " + line + "\n" + this);
        }
        seen.add(line);
        return line.substring(prefix.length());
    }

    /** Sends one line to the target's standard input. */
    public void send(String line) {
        input.println(line);
    }

    /** Waits until the target's standard error has a line starting with {@code prefix}. */
    public void awaitStderrLine(String prefix) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        while (stderr().lines().noneMatch(l -> l.startsWith(prefix))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("target's stderr has no line starting with '" + prefix + "'\n" + this);
            }
            Thread.sleep(50);
        }
    }

    /** Waits for the target to end; returns its exit status. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("target did not end within " + LIMIT_SECONDS + " s\n" + this);
        }
        return process.exitValue();
    }

    public String stderr() throws IOException {
        return Files.readString(directory.resolve("stderr.txt"), StandardCharsets.UTF_8);
    }

    /** Runs {@code java -jar racedet.jar args...} on {@code jdk} in {@code workDir} and waits for it. */
    public static Launch launcher(Jdks.Jdk jdk, Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-jar", AgentRun.agentJar().toString()));
        command.addAll(List.of(args));
        return java(jdk, workDir, command);
    }

    /** Runs {@code java args...} on {@code jdk} in {@code workDir} and waits for it. */
    public static Launch java(Jdks.Jdk jdk, Path workDir, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jdk.home().resolve("bin").resolve("java").toString()));
        command.addAll(args);
        Path out = Files.createTempFile(workDir, "launcher", ".out");
        Path err = Files.createTempFile(workDir, "launcher", ".err");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("launcher did not end within " + LIMIT_SECONDS + " s: " + command);
        }
        return new Launch(String.join(" ", command), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** What one launcher run did. */
    public record Launch(String commandLine, int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return commandLine + "\nexit " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        String err;
        try {
            err = stderr();
        } catch (IOException e) {
            err = "(unreadable: " + e + ")";
        }
        return "pid " + process.pid() + (process.isAlive() ? " (running)" : " (exit " + process.exitValue() + ")")
                + "\n--- stdout so far ---\n" + String.join("\n", seen) + "\n--- stderr ---\n" + err;
    }
}
