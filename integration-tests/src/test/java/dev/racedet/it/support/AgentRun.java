package dev.racedet.it.support;

import dev.racedet.agent.AgentOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Launches a real JVM with the built racedet.jar and collects what it did. The caller builds the
 * agent options with {@link AgentOptions}, so the command line is the one a user would type.
 * Every run's output and JSON report land in a fresh temporary directory.
 */
public final class AgentRun {
    /** How long a run may take unless {@link #timeout} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final List<String> command = new ArrayList<>();
    private final Path workDir;
    private AgentOptions options;
    private boolean mergeStreams;
    private Duration timeout = DEFAULT_TIMEOUT;

    private AgentRun(Path java) throws IOException {
        command.add(java.toString());
        workDir = Files.createTempDirectory("racedet-run");
    }

    /** A run on the JVM running the tests. */
    public static AgentRun onThisJdk() throws IOException {
        return on(Path.of(System.getProperty("java.home")));
    }

    /** A run on the JDK installed at {@code javaHome}. */
    public static AgentRun on(Path javaHome) throws IOException {
        return new AgentRun(javaHome.resolve("bin").resolve("java"));
    }

    /** The agent jar under test, built by the agent module. */
    public static Path agentJar() {
        return requiredPath("racedet.jar");
    }

    /** A path handed to the tests by the build (see the surefire configuration). */
    public static Path requiredPath(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests with Maven");
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " does not exist: build the project first (mvn verify)");
        }
        return path;
    }

    /** Attach the agent with these options; {@code json} is pointed into this run's directory. */
    public AgentRun agent(AgentOptions agentOptions) {
        this.options = agentOptions;
        return this;
    }

    /** The JSON report's path in this run's directory. */
    public Path jsonPath() {
        return workDir.resolve("report.json");
    }

    public Path directory() {
        return workDir;
    }

    /** Merge stderr into stdout, so their relative order can be checked. */
    public AgentRun mergeStreams() {
        mergeStreams = true;
        return this;
    }

    /** How long the run may take before it is killed and the test fails. */
    public AgentRun timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    public AgentRun jvmArgs(String... args) {
        command.addAll(List.of(args));
        return this;
    }

    /** Runs {@code mainClass} from {@code classPath} and waits for it. */
    public Result runClass(Path classPath, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> tail = new ArrayList<>(List.of("-cp", classPath.toString(), mainClass));
        tail.addAll(List.of(args));
        return run(tail);
    }

    /** Runs an executable jar and waits for it. */
    public Result runJar(Path jar, String... args) throws IOException, InterruptedException {
        List<String> tail = new ArrayList<>(List.of("-jar", jar.toString()));
        tail.addAll(List.of(args));
        return run(tail);
    }

    private Result run(List<String> tail) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        if (options != null) {
            full.add(options.toJavaAgentArgument(agentJar().toString()));
        }
        full.addAll(tail);
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        if (mergeStreams) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(err.toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            String threads = threadDump(process, out);
            process.destroyForcibly().waitFor();
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", full)
                    + "\n--- thread dump of the hung JVM ---\n" + threads);
        }
        String stderr = mergeStreams ? "" : Files.readString(err, StandardCharsets.UTF_8);
        return new Result(String.join(" ", full), process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8), stderr, jsonPath());
    }

    /**
     * Asks a hung JVM for its thread dump (SIGQUIT prints it to its standard output), so a hang is
     * diagnosable from the test report; returns that output, or why there is none.
     */
    private static String threadDump(Process process, Path out) throws IOException, InterruptedException {
        if (System.getProperty("os.name").startsWith("Windows")) {
            return "(no thread dump on Windows)";
        }
        new ProcessBuilder("kill", "-3", Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(3000);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        int dump = text.indexOf("Full thread dump");
        return dump >= 0 ? text.substring(dump) : "(none printed)\n" + text;
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** What one JVM run did. */
    public record Result(String commandLine, int exitCode, String stdout, String stderr, Path json) {
        /** The parsed JSON report; fails if it is missing or not valid JSON. */
        public Map<String, Object> report() throws IOException {
            if (!Files.exists(json)) {
                throw new AssertionError("no JSON report was written by: " + commandLine + "\n" + this);
            }
            return Json.object(Json.parse(Files.readString(json, StandardCharsets.UTF_8)));
        }

        /** The report's {@code races} array, as objects. */
        public List<Map<String, Object>> races() throws IOException {
            return Json.array(report().get("races")).stream().map(Json::object).toList();
        }

        /** The report's {@code summary}. */
        public Map<String, Object> summary() throws IOException {
            return Json.object(report().get("summary"));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }
}
