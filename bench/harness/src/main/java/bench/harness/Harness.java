package bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark harness behind {@code bench/run.sh}: finds the workloads, runs each one without and
 * with racedet (warm-ups, then counted runs alternating plain and racedet so that drift of a shared
 * machine hits both alike), writes one results file per invocation and regenerates
 * {@code BENCHMARKS.md}. {@code bench/run.sh} builds the agent and the workload directories first and
 * passes the directories whose build failed ({@code --build-failed DIR=LOG}).
 */
public final class Harness {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private int runs = 3;
    private int warmup = 1;
    private String java = "java";
    private Path agent;
    private Path root = Path.of(".").toAbsolutePath().normalize();
    private final List<Path> workloadDirs = new ArrayList<>();
    private Path results;
    private Path table;
    private final List<String> only = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private final Map<Integer, String> jdks = new HashMap<>(Map.of(25, "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));
    private final Map<Path, String> buildFailed = new HashMap<>();
    private boolean keepScratch;
    private boolean listDirs;
    private boolean tableOnly;
    private String command = "bench/run.sh";

    public static void main(String[] args) throws Exception {
        Harness h = new Harness();
        try {
            h.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("harness: " + e.getMessage());
            System.exit(2);
        }
        System.exit(h.execute());
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--keep-scratch")) {
                keepScratch = true;
                continue;
            }
            if (a.equals("--table-only")) {
                tableOnly = true;
                continue;
            }
            if (a.equals("--list-dirs")) {
                listDirs = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--runs" -> runs = positive(a, v, 1);
                case "--warmup" -> warmup = positive(a, v, 0);
                case "--java" -> java = v;
                case "--agent" -> agent = Path.of(v).toAbsolutePath().normalize();
                case "--root" -> root = Path.of(v).toAbsolutePath().normalize();
                case "--workloads" -> workloadDirs.add(Path.of(v).toAbsolutePath().normalize());
                case "--results" -> results = Path.of(v).toAbsolutePath().normalize();
                case "--table" -> table = Path.of(v).toAbsolutePath().normalize();
                case "--only" -> only.addAll(List.of(v.split(",")));
                case "--group" -> groups.addAll(List.of(v.split(",")));
                case "--command" -> command = v;
                case "--jdk" -> {
                    String[] kv = v.split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("--jdk wants N=/path/to/java");
                    }
                    jdks.put(positive(a, kv[0], 1), kv[1]);
                }
                case "--build-failed" -> {
                    String[] kv = v.split("=", 2);
                    buildFailed.put(Path.of(kv[0]).toAbsolutePath().normalize(), kv.length > 1 ? kv[1] : "?");
                }
                default -> throw new IllegalArgumentException("unknown option: " + a);
            }
        }
        for (String g : groups) {
            if (!Workload.GROUPS.contains(g)) {
                throw new IllegalArgumentException("no group '" + g + "' (groups: "
                        + String.join(", ", Workload.GROUPS.stream().sorted().toList()) + ")");
            }
        }
        if (agent == null) {
            agent = root.resolve("agent/target/racedet.jar");
        }
        if (results == null) {
            results = root.resolve("bench/results");
        }
        if (table == null) {
            table = root.resolve("BENCHMARKS.md");
        }
    }

    private static int positive(String option, String v, int min) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(option + " wants a whole number >= " + min + ", not '" + v + "'");
    }

    /** Every {@code workloads.txt} of the set: {@code bench/<dir>/workloads.txt}, or the --workloads dirs. */
    private List<Workload> discover() throws IOException {
        List<Path> files = new ArrayList<>();
        if (workloadDirs.isEmpty()) {
            try (Stream<Path> dirs = Files.list(root.resolve("bench"))) {
                dirs.filter(Files::isDirectory).sorted().map(d -> d.resolve("workloads.txt"))
                        .filter(Files::isRegularFile).forEach(files::add);
            }
        } else {
            for (Path d : workloadDirs) {
                Path f = d.resolve("workloads.txt");
                if (Files.isRegularFile(f)) {
                    files.add(f);
                } else {
                    System.err.println("harness: no workloads.txt in " + d);
                }
            }
        }
        List<Workload> all = new ArrayList<>();
        for (Path f : files) {
            try {
                all.addAll(Workload.read(f));
            } catch (IOException e) {
                Workload w = new Workload(f.getParent().getFileName() + "-format", f.getParent());
                w.error = "cannot read " + f + ": " + e.getMessage();
                all.add(w);
            }
        }
        // Names are unique over the whole set: results and table rows are keyed by name.
        Map<String, Integer> seen = new HashMap<>();
        all.forEach(w -> seen.merge(w.name, 1, Integer::sum));
        for (Workload w : all) {
            if (seen.get(w.name) > 1 && w.error == null) {
                w.error = "name '" + w.name + "' is used by more than one block";
            }
        }
        return all;
    }

    private boolean selected(Workload w) {
        if (!groups.isEmpty() && !groups.contains(w.group())) {
            return false;
        }
        if (groups.isEmpty() && only.isEmpty() && w.group().equals("scale")) {
            return false; // scale runs are long; only on request
        }
        if (only.isEmpty()) {
            return true;
        }
        for (String o : only) {
            String regex = ("\\Q" + o.strip() + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
            if (Pattern.matches(regex, w.name)) {
                return true;
            }
        }
        return false;
    }

    private int execute() throws IOException, InterruptedException {
        List<Workload> all = discover();
        List<Workload> chosen = all.stream().filter(this::selected).toList();
        if (listDirs) {
            chosen.stream().map(w -> w.dir.toString()).distinct().forEach(System.out::println);
            return 0;
        }
        if (tableOnly) {
            return tableOnly(all);
        }
        if (chosen.isEmpty()) {
            System.err.println("harness: no workload selected (" + all.size() + " in the set)");
            return 2;
        }
        for (Workload w : chosen) {
            String log = buildFailed.get(w.dir);
            if (log != null && w.error == null) {
                w.error = "build failed (" + relative(Path.of(log)) + ")";
            }
        }
        Map<String, Object> jdk = Machine.jdk(java);
        int major = Machine.major(jdk);
        if (major == 0) {
            System.err.println("harness: cannot run " + java + " -version: " + jdk);
            return 2;
        }
        if (!Files.isRegularFile(agent)) {
            System.err.println("harness: no agent jar at " + agent);
            return 2;
        }
        if (!Files.isExecutable(Runner.GNU_TIME)) {
            System.err.println("harness: " + Runner.GNU_TIME + " (GNU time) is missing: no CPU time and peak RSS");
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String base = STAMP.format(started) + "-jdk" + major;
        Files.createDirectories(results);
        Path resultFile = results.resolve(base + ".json");
        Path logRoot = results.resolve(base);

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", 1);
        doc.put("started", started.toString());
        doc.put("finished", null);
        doc.put("command", command);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("runs", runs);
        options.put("warmup", warmup);
        doc.put("options", options);
        doc.put("machine", Machine.describe(root, agent));
        doc.put("jdk", jdk);
        List<Object> otherJdks = new ArrayList<>();
        doc.put("otherJdks", otherJdks);
        List<Object> rows = new ArrayList<>();
        doc.put("workloads", rows);
        String commit = String.valueOf(((Map<?, ?>) doc.get("machine")).get("commit"));
        Runner runner = new Runner(root, agent, keepScratch);

        System.out.printf("harness: %d of %d workloads, %d run(s) + %d warm-up each way, JDK %s; results %s%n",
                chosen.size(), all.size(), runs, warmup, jdk.get("version"), relative(resultFile));
        int n = 0;
        for (Workload w : chosen) {
            n++;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", w.name);
            row.put("group", w.group());
            row.put("dir", relative(w.dir));
            row.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            row.put("commit", commit);
            String javaCmd = java;
            if (w.error == null && w.jdk() != 0 && w.jdk() != major) {
                javaCmd = jdks.get(w.jdk());
                if (javaCmd == null || !Files.isExecutable(Path.of(javaCmd))) {
                    w.error = "JDK " + w.jdk() + " not found (--jdk " + w.jdk() + "=/path/to/java)";
                } else {
                    row.put("jdkAsked", w.jdk());
                    Map<String, Object> other = Machine.jdk(javaCmd);
                    if (otherJdks.stream().noneMatch(o -> ((Map<?, ?>) o).get("java").equals(other.get("java")))) {
                        otherJdks.add(other);
                    }
                }
            }
            row.put("agentOptions", w.agentOptions());
            row.put("java", w.keys.get("java"));
            Path logDir = logRoot.resolve(w.name);
            if (w.error == null && w.prepare() != null) {
                String failure = prepare(w, logDir);
                if (failure != null) {
                    w.error = failure;
                }
            }
            List<Map<String, Object>> runList = new ArrayList<>();
            if (w.error != null) {
                row.put("error", w.error);
                System.out.printf("[%d/%d] %s: %s%n", n, chosen.size(), w.name, w.error);
            } else {
                boolean[] stop = new boolean[2]; // per mode: a timed-out mode is not run again
                List<String[]> order = new ArrayList<>();
                for (int i = 1; i <= warmup; i++) {
                    order.add(new String[] {"plain", "warmup-plain-" + i});
                    order.add(new String[] {"agent", "warmup-agent-" + i});
                }
                for (int i = 1; i <= runs; i++) {
                    order.add(new String[] {"plain", "plain-" + i});
                    order.add(new String[] {"agent", "agent-" + i});
                }
                for (String[] o : order) {
                    boolean withAgent = o[0].equals("agent");
                    boolean isWarmup = o[1].startsWith("warmup");
                    if (stop[withAgent ? 1 : 0]) {
                        Map<String, Object> skipped = new LinkedHashMap<>();
                        skipped.put("mode", o[0]);
                        skipped.put("label", o[1]);
                        skipped.put("warmup", isWarmup);
                        skipped.put("ok", false);
                        skipped.put("failure", "timeout after " + w.timeoutSeconds() + " s in an earlier run, not run again");
                        skipped.put("skipped", true);
                        runList.add(skipped);
                        continue;
                    }
                    Map<String, Object> r = runner.run(w, javaCmd, withAgent, o[1], isWarmup, logDir);
                    runList.add(r);
                    if (Boolean.TRUE.equals(r.get("timedOut"))) {
                        stop[withAgent ? 1 : 0] = true;
                    }
                    System.out.printf("[%d/%d] %-28s %-15s %s%n", n, chosen.size(), w.name, o[1], describe(r));
                }
                row.putAll(Summary.row(w, runList));
                System.out.printf("[%d/%d] %-28s slowdown %s, memory %s, races %s, output %s%n", n, chosen.size(),
                        w.name, row.get("slowdown"), row.get("memRatio"),
                        whole(((Map<?, ?>) row.get("agent")).get("races")), row.get("output"));
            }
            row.put("logs", relative(logDir));
            row.put("runs", runList);
            rows.add(row);
            // Written after every workload: an interrupted invocation keeps what it measured.
            writeAtomically(resultFile, Json.write(doc));
            writeTable(all, doc, major, resultFile);
        }
        doc.put("finished", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        writeAtomically(resultFile, Json.write(doc));
        writeTable(all, doc, major, resultFile);
        System.out.println("harness: wrote " + relative(resultFile) + " and " + relative(table));
        return 0;
    }

    private static String describe(Map<String, Object> r) {
        StringBuilder s = new StringBuilder();
        s.append(r.get("ok").equals(Boolean.TRUE) ? "ok" : "FAILED (" + r.get("failure") + ")");
        s.append(" wall ").append(r.get("wallS")).append(" s");
        if (r.get("metricMs") != null) {
            s.append(", metric ").append(r.get("metricMs")).append(" ms");
        }
        if (r.get("score") != null) {
            s.append(", score ").append(r.get("score"));
        }
        s.append(", cpu ").append(r.get("cpuS")).append(" s, rss ").append(r.get("maxRssMb")).append(" MB");
        if ("agent".equals(r.get("mode"))) {
            s.append(", races ").append(whole(r.get("races"))).append(", internal errors ").append(whole(r.get("internalErrors")));
        }
        return s.toString();
    }

    private static Object whole(Object v) {
        return v instanceof Double d && d == Math.rint(d) ? (Object) d.longValue() : v;
    }

    /** Runs the block's {@code prepare} command once, in its directory; returns a failure or null. */
    private String prepare(Workload w, Path logDir) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve("prepare.log");
        Process p = new ProcessBuilder("bash", "-c", w.expand(w.prepare(), root)).directory(w.dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(w.timeoutSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return "prepare timed out (" + relative(log) + ")";
        }
        return p.exitValue() == 0 ? null : "prepare failed, exit " + p.exitValue() + " (" + relative(log) + ")";
    }

    /** Regenerates the table from the results files alone; the latest file gives the machine and command. */
    private int tableOnly(List<Workload> all) throws IOException {
        int major = Machine.major(Machine.jdk(java));
        Path newest;
        try (Stream<Path> s = Files.list(results)) {
            newest = s.filter(p -> p.getFileName().toString().endsWith("-jdk" + major + ".json"))
                    .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).orElse(null);
        }
        if (newest == null) {
            System.err.println("harness: no results for JDK " + major + " in " + results);
            return 2;
        }
        writeTable(all, Table.map(Json.parse(Files.readString(newest))), major, newest);
        System.out.println("harness: wrote " + relative(table) + " from " + relative(results));
        return 0;
    }

    /**
     * Regenerates the table: every workload of the set, each with its latest row on this JDK from
     * this invocation or an earlier results file.
     */
    private void writeTable(List<Workload> all, Map<String, Object> doc, int major, Path current) throws IOException {
        Map<String, Map<String, Object>> latest = new HashMap<>();
        Set<String> sources = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        all.forEach(w -> names.add(w.name));
        List<Path> files;
        try (Stream<Path> s = Files.list(results)) {
            files = s.filter(p -> p.getFileName().toString().endsWith("-jdk" + major + ".json"))
                    .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString())).toList();
        }
        List<Path> paths = new ArrayList<>(List.of(current));
        List<Map<String, Object>> docs = new ArrayList<>(List.of(doc));
        for (Path f : files) {
            if (!f.equals(current)) {
                try {
                    docs.add(Table.map(Json.parse(Files.readString(f))));
                    paths.add(f);
                } catch (RuntimeException e) {
                    System.err.println("harness: skipping unreadable " + f + ": " + e.getMessage());
                }
            }
        }
        for (int i = 0; i < docs.size(); i++) {
            for (Object o : Table.list(docs.get(i).get("workloads"))) {
                Map<String, Object> row = Table.map(o);
                String name = String.valueOf(row.get("name"));
                if (names.contains(name) && !latest.containsKey(name)) {
                    latest.put(name, row);
                    sources.add(relative(paths.get(i)));
                }
            }
        }
        List<String[]> set = all.stream().map(w -> new String[] {w.name, w.group()}).toList();
        List<String> src = new ArrayList<>();
        sources.forEach(s -> src.add("`" + s + "`"));
        writeAtomically(table, Table.render(set, latest, doc, src));
    }

    private String relative(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
