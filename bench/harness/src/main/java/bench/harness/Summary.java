package bench.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the counted runs of one workload into its table row: medians per mode, the ratios, races,
 * internal errors, whether the checked output matched and, for programs printing heap samples, the
 * first and last sample. A mode with a failed run keeps the failure instead of numbers: a median over
 * the runs that happened to succeed would hide it.
 */
final class Summary {
    /** Memory is flat when the last heap-after-GC sample is at most this times the first. */
    static final double FLAT = 1.2;

    private Summary() {
    }

    static Map<String, Object> row(Workload w, List<Map<String, Object>> runs) {
        Map<String, Object> row = new LinkedHashMap<>();
        String kind = w.metric() != null ? "metric" : w.score() != null ? "score" : "wall";
        row.put("timeKind", kind);
        List<Map<String, Object>> counted = runs.stream().filter(r -> !Boolean.TRUE.equals(r.get("warmup"))).toList();
        Map<String, Object> plain = mode(counted, "plain", kind);
        Map<String, Object> agent = mode(counted, "agent", kind);
        row.put("plain", plain);
        row.put("agent", agent);
        if (plain.get("failure") == null && agent.get("failure") == null) {
            Double pt = num(plain.get("time"));
            Double at = num(agent.get("time"));
            if (pt != null && at != null) {
                // Scores are "higher is better": the slowdown is plain score / racedet score.
                row.put("slowdown", ratio(kind.equals("score") ? pt : at, kind.equals("score") ? at : pt));
            }
            row.put("cpuRatio", ratio(num(agent.get("cpuS")), num(plain.get("cpuS"))));
            row.put("memRatio", ratio(num(agent.get("rssMb")), num(plain.get("rssMb"))));
        }
        row.put("output", output(w, counted));
        Map<String, Object> heap = heap(counted);
        if (heap != null) {
            row.put("heap", heap);
        }
        return row;
    }

    private static Map<String, Object> mode(List<Map<String, Object>> counted, String mode, String kind) {
        List<Map<String, Object>> runs = counted.stream().filter(r -> mode.equals(r.get("mode"))).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", runs.size());
        List<String> failures = new ArrayList<>();
        for (Map<String, Object> r : runs) {
            if (!Boolean.TRUE.equals(r.get("ok"))) {
                failures.add(String.valueOf(r.get("failure")));
            }
        }
        if (runs.isEmpty()) {
            m.put("failure", "not run");
        } else if (!failures.isEmpty()) {
            m.put("failure", (failures.size() == runs.size() ? "" : failures.size() + " of " + runs.size() + ": ")
                    + String.join(", ", failures.stream().distinct().toList()));
        } else {
            String key = switch (kind) {
                case "metric" -> "metricMs";
                case "score" -> "score";
                default -> "wallS";
            };
            Double time = median(runs, key);
            if (time != null && kind.equals("metric")) {
                time = time / 1000.0;
            }
            m.put("time", time == null ? null : Runner.round(time, 3));
            m.put("cpuS", median(runs, "cpuS"));
            m.put("rssMb", median(runs, "maxRssMb"));
            m.put("times", runs.stream().map(r -> r.get(key)).toList());
        }
        if (mode.equals("agent")) {
            // Races and internal errors: the most any run reported (a race seen once is a race).
            m.put("races", max(runs, "races"));
            m.put("internalErrors", max(runs, "internalErrors"));
            long missing = runs.stream().filter(r -> r.get("skipped") == null && !"ok".equals(r.get("report"))).count();
            if (missing > 0) {
                m.put("reportMissing", missing);
            }
        }
        return m;
    }

    /** "yes", "no", "plain varies" (the program is not deterministic), "no lines", "no check" or "-". */
    private static String output(Workload w, List<Map<String, Object>> counted) {
        if (w.check() == null) {
            return "no check";
        }
        List<Map<String, Object>> ok = counted.stream().filter(r -> Boolean.TRUE.equals(r.get("ok"))).toList();
        List<Object> plain = ok.stream().filter(r -> "plain".equals(r.get("mode"))).map(r -> r.get("checkLines")).toList();
        List<Object> agent = ok.stream().filter(r -> "agent".equals(r.get("mode"))).map(r -> r.get("checkLines")).toList();
        if (plain.isEmpty() || agent.isEmpty()) {
            return "-";
        }
        Object reference = plain.get(0);
        if (reference instanceof List<?> l && l.isEmpty()) {
            return "no lines";
        }
        if (plain.stream().anyMatch(p -> !Objects.equals(p, reference))) {
            return "plain varies";
        }
        return agent.stream().allMatch(a -> Objects.equals(a, reference)) ? "yes" : "no";
    }

    /** First and last heap sample of each mode's worst counted run (the largest last/first). */
    private static Map<String, Object> heap(List<Map<String, Object>> counted) {
        Map<String, Object> h = new LinkedHashMap<>();
        for (String mode : List.of("plain", "agent")) {
            double worst = -1;
            for (Map<String, Object> r : counted) {
                if (mode.equals(r.get("mode")) && r.get("heapMb") instanceof List<?> samples && samples.size() >= 1) {
                    double first = num(((List<?>) samples.get(0)).get(1));
                    double last = num(((List<?>) samples.get(samples.size() - 1)).get(1));
                    double growth = last / Math.max(first, 0.001);
                    if (growth > worst) {
                        worst = growth;
                        h.put(mode + "First", first);
                        h.put(mode + "Last", last);
                        h.put(mode + "Samples", samples.size());
                    }
                }
            }
        }
        if (h.isEmpty()) {
            return null;
        }
        for (String mode : List.of("plain", "agent")) {
            if (h.containsKey(mode + "First")) {
                h.put(mode + "Flat", num(h.get(mode + "Last")) <= FLAT * num(h.get(mode + "First")));
            }
        }
        return h;
    }

    static Double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static Double ratio(Double a, Double b) {
        return a == null || b == null || b <= 0 ? null : Runner.round(a / b, 2);
    }

    private static Double median(List<Map<String, Object>> runs, String key) {
        List<Double> v = runs.stream().map(r -> num(r.get(key))).filter(Objects::nonNull).sorted().toList();
        return median(v);
    }

    static Double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        List<Double> v = sorted.stream().sorted().toList();
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static Double max(List<Map<String, Object>> runs, String key) {
        return runs.stream().map(r -> num(r.get(key))).filter(Objects::nonNull).max(Double::compare).orElse(null);
    }
}
