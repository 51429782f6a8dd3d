package bench.objects;

import java.util.HashMap;
import java.util.Map;

/**
 * Process-wide statistics in static fields, guarded by the class's monitor (static synchronized
 * methods): a counter, a running total, a histogram array and a table keyed by phase label. The
 * global-registry pattern of much application code.
 */
final class Stats {

    private static final int BUCKETS = 64;

    private static long events;
    private static long total;
    private static final long[] HISTOGRAM = new long[BUCKETS];
    private static final Map<String, long[]> BY_LABEL = new HashMap<>();

    private Stats() {
    }

    static synchronized void record(String label, long value) {
        events++;
        total += value;
        HISTOGRAM[(int) (value & (BUCKETS - 1))]++;
        BY_LABEL.computeIfAbsent(label, k -> new long[2])[0]++;
        BY_LABEL.get(label)[1] += value;
    }

    static synchronized long events() {
        return events;
    }

    /** Order-independent digest of everything recorded. */
    static synchronized long digest() {
        long hash = Workload.mix(Workload.mix(Workload.seed(), events), total);
        for (long count : HISTOGRAM) {
            hash = Workload.mix(hash, count);
        }
        for (String label : new java.util.TreeSet<>(BY_LABEL.keySet())) {
            long[] row = BY_LABEL.get(label);
            hash = Workload.mix(Workload.mix(hash, row[0]), row[1]);
        }
        return hash;
    }
}
