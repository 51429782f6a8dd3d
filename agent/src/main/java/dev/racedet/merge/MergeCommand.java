package dev.racedet.merge;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar racedet.jar merge OUT.json IN.json...}: merges the JSON reports of several JVMs
 * (Surefire forks, a test run's processes) into one. Races with the same id are one race: their
 * counts are summed and the first one seen is kept (the one with the earliest {@code firstSeen}
 * where reports carry it, else the first in argument order). The summary is recomputed: races,
 * fields and repeats from the merged races, internal errors and skipped events summed, clock slots
 * the largest. Keys racedet does not know are kept. The merged report is written whole (temporary
 * file, then rename) and its text summary printed: one line per race, then the summary line.
 *
 * <p>Exit status 0 when merged, 1 when an input cannot be read or is not a racedet report (one
 * line naming the file), 2 for a wrong command line.
 */
public final class MergeCommand {
    private MergeCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2) {
            err.println("racedet: usage: java -jar racedet.jar merge OUT.json IN.json...");
            return 2;
        }
        Path target = Path.of(args[0]);
        List<Map<String, Object>> reports = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path in = Path.of(args[i]);
            try {
                reports.add(read(in));
            } catch (IOException e) {
                err.println("racedet: merge: cannot read " + in + ": " + e);
                return 1;
            } catch (JsonReader.MalformedException | IllegalArgumentException e) {
                err.println("racedet: merge: " + in + " is not a racedet JSON report: " + e.getMessage());
                return 1;
            }
        }
        Map<String, Object> merged = merge(reports);
        try {
            write(target, JsonWriter.report(merged));
        } catch (IOException e) {
            err.println("racedet: merge: cannot write " + target + ": " + e);
            return 1;
        }
        out.print(summary(merged, reports.size()));
        return 0;
    }

    private static Map<String, Object> read(Path in) throws IOException, JsonReader.MalformedException {
        Object root = JsonReader.parse(Files.readString(in, StandardCharsets.UTF_8));
        if (!(root instanceof Map<?, ?> map) || !(map.get("races") instanceof List<?> races)) {
            throw new IllegalArgumentException("no \"races\" array");
        }
        for (Object race : races) {
            if (!(race instanceof Map<?, ?> r) || !(r.get("id") instanceof String) || !(r.get("count") instanceof Long)) {
                throw new IllegalArgumentException("a race without a string \"id\" and an integer \"count\"");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) map;
        return report;
    }

    /** The merged report; {@code reports} must each have a {@code races} list of race objects. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(List<Map<String, Object>> reports) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Map<String, Object> report : reports) {
            for (Map.Entry<String, Object> e : report.entrySet()) {
                if (!e.getKey().equals("races") && !e.getKey().equals("summary")) {
                    merged.putIfAbsent(e.getKey(), e.getValue());
                }
            }
            merged.putIfAbsent("races", null); // keeps the key order of the first report
            merged.putIfAbsent("summary", null);
            for (Object o : (List<Object>) report.get("races")) {
                Map<String, Object> race = (Map<String, Object>) o;
                Map<String, Object> kept = byId.get((String) race.get("id"));
                if (kept == null) {
                    byId.put((String) race.get("id"), new LinkedHashMap<>(race));
                } else {
                    long count = (Long) kept.get("count") + (Long) race.get("count");
                    if (earlier(race.get("firstSeen"), kept.get("firstSeen"))) {
                        kept.clear();
                        kept.putAll(race);
                    }
                    kept.put("count", count);
                }
            }
            if (report.get("summary") instanceof Map<?, ?> s) {
                addSummary(summary, (Map<String, Object>) s);
            }
        }
        List<Object> races = new ArrayList<>(byId.values());
        Set<Object> fields = new HashSet<>();
        long detections = 0;
        for (Map<String, Object> race : byId.values()) {
            fields.add(race.get("field"));
            detections += (Long) race.get("count");
        }
        summary.put("races", (long) races.size());
        summary.put("fields", (long) fields.size());
        summary.put("repeats", detections - races.size());
        merged.put("races", races);
        merged.put("summary", summary);
        return merged;
    }

    /** Sums the numbers of {@code s} into {@code into}, except clock slots: the largest. */
    private static void addSummary(Map<String, Object> into, Map<String, Object> s) {
        for (Map.Entry<String, Object> e : s.entrySet()) {
            Object before = into.get(e.getKey());
            if (e.getValue() instanceof Long n && (before == null || before instanceof Long)) {
                long b = before == null ? 0 : (Long) before;
                into.put(e.getKey(), e.getKey().equals("clockSlots") ? Math.max(b, n) : b + n);
            } else {
                into.putIfAbsent(e.getKey(), e.getValue());
            }
        }
    }

    /** Whether first-seen stamp {@code a} is earlier than {@code b} (numbers or ISO-8601 strings). */
    private static boolean earlier(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x < y;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y) < 0;
        }
        return false;
    }

    private static String summary(Map<String, Object> merged, int inputs) {
        StringBuilder b = new StringBuilder();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> races = (List<Map<String, Object>>) (List<?>) merged.get("races");
        for (Map<String, Object> race : races) {
            b.append("racedet: [").append(printable(race.get("id"))).append("] ")
                    .append(printable(race.get("kind"))).append(" race on ").append(printable(race.get("field")));
            if (race.get("test") instanceof String test && !test.isEmpty()) {
                b.append(" in test ").append(printable(test));
            }
            b.append(" (").append(race.get("count")).append(race.get("count").equals(1L) ? " time)\n" : " times)\n");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) merged.get("summary");
        b.append("racedet: ").append(plural(s.get("races"), "race")).append(" on ").append(plural(s.get("fields"), "field"))
                .append(" (").append(plural(s.get("repeats"), "repeat")).append("), ")
                .append(plural(s.getOrDefault("internalErrors", 0L), "internal error"))
                .append(", merged from ").append(plural((long) inputs, "report")).append('\n');
        return b.toString();
    }

    private static String plural(Object n, String word) {
        return n + " " + word + (Long.valueOf(1).equals(n) ? "" : "s");
    }

    /** A name for one text line: JSON string escapes for quotes, backslashes and control characters. */
    private static String printable(Object name) {
        StringBuilder b = new StringBuilder();
        JsonWriter.string(b, String.valueOf(name));
        return b.substring(1, b.length() - 1);
    }

    private static void write(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".racedet-tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
