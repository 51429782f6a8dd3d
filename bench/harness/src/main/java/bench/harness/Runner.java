package bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one JVM of a workload, with or without racedet, and returns its raw numbers as a map (the
 * results file stores it as is).
 *
 * <p>The JVM runs under GNU time ({@code /usr/bin/time -f ... -o FILE java ...}): time forks and
 * execs {@code java} itself and reports that child's user and system CPU time and peak RSS from
 * {@code wait4}, so the numbers are the JVM's and not time's own (the java launcher runs the JVM in
 * the same process it was exec'ed as). Wall time is taken here around the process, which adds about a
 * millisecond of fork and exec. Each run gets a fresh scratch working directory, deleted afterwards
 * (racedet's JSON report is copied next to the logs first).
 */
final class Runner {
    static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final String TIME_TAG = "harness-time";
    /** Heap-after-GC samples the scale workloads print: {@code heap-mb t=10s 42.1}. */
    static final Pattern HEAP = Pattern.compile("^heap-mb t=([0-9.]+)s\\s+([0-9.]+)\\s*$");
    private static final int MAX_CHECK_LINES = 500;

    private final Path root;
    private final Path agentJar;
    private final boolean keepScratch;

    Runner(Path root, Path agentJar, boolean keepScratch) {
        this.root = root;
        this.agentJar = agentJar;
        this.keepScratch = keepScratch;
    }

    /**
     * Runs {@code w} once. {@code logDir} receives {@code <label>.out}, {@code .err}, {@code .time}
     * and, with the agent, {@code .racedet.json}.
     */
    Map<String, Object> run(Workload w, String java, boolean agent, String label, boolean warmup, Path logDir)
            throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path scratch = Files.createTempDirectory(logDir, label + "-scratch-");
        Path out = logDir.resolve(label + ".out");
        Path err = logDir.resolve(label + ".err");
        Path timeFile = logDir.resolve(label + ".time");
        // %p: racedet expands it to each JVM's pid, so JVMs the workload forks with the same options
        // (JMH's forks inherit the host JVM's arguments) write one report each instead of overwriting.
        Path json = scratch.resolve("racedet-%p.json");
        List<String> cmd = new ArrayList<>();
        boolean timed = Files.isExecutable(GNU_TIME);
        if (timed) {
            cmd.addAll(List.of(GNU_TIME.toString(), "-f", TIME_TAG + " %e %U %S %M %x", "-o", timeFile.toString()));
        }
        cmd.add(java);
        if (agent) {
            cmd.add("-javaagent:" + agentJar + "=" + w.agentOptions() + ",json=" + json);
        }
        cmd.addAll(w.javaArgs(root));

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("mode", agent ? "agent" : "plain");
        r.put("label", label);
        r.put("warmup", warmup);
        r.put("command", String.join(" ", cmd));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(scratch.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        boolean finished = p.waitFor(w.timeoutSeconds(), TimeUnit.SECONDS);
        double wall = (System.nanoTime() - start) / 1e9;
        if (!finished) {
            // Kill the JVM (and anything it started) before time, so nothing is left orphaned.
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        r.put("timedOut", !finished);
        r.put("exit", p.exitValue());
        r.put("wallS", round(wall, 3));
        if (timed && finished) {
            readTime(timeFile, r);
        }
        readStdout(w, out, r);
        if (agent) {
            readReports(scratch, logDir, label, r);
        }
        if (!keepScratch) {
            deleteTree(scratch);
        } else {
            r.put("scratch", scratch.toString());
        }
        r.put("ok", finished && p.exitValue() == 0 && r.get("failure") == null);
        if (!finished) {
            r.put("failure", "timeout after " + w.timeoutSeconds() + " s");
        } else if (p.exitValue() != 0) {
            r.put("failure", "exit " + p.exitValue());
        }
        return r;
    }

    /** Parses GNU time's line ({@code -o} also gets "Command exited with non-zero status" lines). */
    private static void readTime(Path timeFile, Map<String, Object> r) throws IOException {
        if (!Files.exists(timeFile)) {
            return;
        }
        for (String line : Files.readAllLines(timeFile)) {
            if (line.startsWith(TIME_TAG + " ")) {
                String[] f = line.split("\\s+");
                double user = Double.parseDouble(f[2]);
                double sys = Double.parseDouble(f[3]);
                r.put("userS", user);
                r.put("sysS", sys);
                r.put("cpuS", round(user + sys, 3));
                r.put("maxRssMb", round(Long.parseLong(f[4]) / 1024.0, 1));
            }
        }
    }

    private static void readStdout(Workload w, Path out, Map<String, Object> r) throws IOException {
        Pattern check = w.check();
        Pattern metric = w.metric();
        Pattern score = w.score();
        List<String> checkLines = new ArrayList<>();
        List<Object> heap = new ArrayList<>();
        String metricText = null;
        String scoreText = null;
        // Malformed bytes must not stop the reading: programs may print anything.
        try (Stream<String> lines = new String(Files.readAllBytes(out), StandardCharsets.UTF_8).lines()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (check != null && check.matcher(line).find() && checkLines.size() < MAX_CHECK_LINES) {
                    checkLines.add(line);
                }
                Matcher m;
                if (metric != null && (m = metric.matcher(line)).find()) {
                    metricText = m.group(1);
                }
                if (score != null && (m = score.matcher(line)).find()) {
                    scoreText = m.group(1);
                }
                if ((m = HEAP.matcher(line)).find()) {
                    heap.add(List.of(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))));
                }
            }
        }
        if (check != null) {
            r.put("checkLines", checkLines);
        }
        if (!heap.isEmpty()) {
            r.put("heapMb", heap);
        }
        if (metric != null) {
            Double v = number(metricText);
            if (v == null) {
                r.put("failure", "no metric line in stdout");
            } else {
                r.put("metricMs", v);
            }
        }
        if (score != null) {
            Double v = number(scoreText);
            if (v == null || v <= 0) {
                r.put("failure", "no score line in stdout");
            } else {
                r.put("score", v);
            }
        }
    }

    /** A number as programs print it: JMH may group digits with commas. */
    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Reads races and internal errors from the summary object of every racedet report of the run
     * ({@code racedet-<pid>.json}, one per JVM) and sums them; copies the reports next to the logs.
     */
    private static void readReports(Path scratch, Path logDir, String label, Map<String, Object> r) throws IOException {
        List<Path> reports;
        try (Stream<Path> files = Files.list(scratch)) {
            reports = files.filter(f -> f.getFileName().toString().matches("racedet-\\d+\\.json")).sorted().toList();
        }
        if (reports.isEmpty()) {
            r.put("report", "missing");
            return;
        }
        double races = 0;
        double errors = 0;
        String status = "ok";
        for (Path report : reports) {
            String pid = report.getFileName().toString().replaceAll("\\D", "");
            Files.copy(report, logDir.resolve(label + ".racedet-" + pid + ".json"), StandardCopyOption.REPLACE_EXISTING);
            try {
                Object parsed = Json.parse(Files.readString(report));
                if (parsed instanceof Map<?, ?> m && m.get("summary") instanceof Map<?, ?> summary) {
                    races += summary.get("races") instanceof Number n ? n.doubleValue() : 0;
                    errors += summary.get("internalErrors") instanceof Number n ? n.doubleValue() : 0;
                } else {
                    status = "no summary in " + report.getFileName();
                }
            } catch (RuntimeException e) {
                status = "unreadable " + report.getFileName() + ": " + e.getMessage();
            }
        }
        r.put("races", races);
        r.put("internalErrors", errors);
        r.put("reports", reports.size());
        r.put("report", status);
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
