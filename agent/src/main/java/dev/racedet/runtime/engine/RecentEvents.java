package dev.racedet.runtime.engine;

/**
 * The last few events of one thread, for the timeline of a report: accesses the detector recorded
 * (its slow path: same-epoch repeats are not events) and synchronization. Each event keeps its kind,
 * the thread's calling context and a site, never a string; a repeat of the newest event is not added
 * again, so the JDK's several volatile reads inside one {@code lock()} call leave one "acquire".
 *
 * <p>Only the owning thread writes; a report reads another thread's events without a lock, so it may
 * see a half-written newest entry (decoding tolerates any value).
 */
public final class RecentEvents {
    public static final byte READ = 1;
    public static final byte WRITE = 2;
    public static final byte ACQUIRE = 3;
    public static final byte RELEASE = 4;
    public static final byte START = 5;
    public static final byte JOIN = 6;
    /** How many events a thread keeps. */
    public static final int SIZE = 16;

    /**
     * The events, a ring of {@link #SIZE}; {@code null} until the first event, so a thread started
     * but not yet run (100,000 queued virtual threads) costs nothing here. Written by the owning
     * thread only; a report reads them racily (a torn event only blurs the timeline).
     */
    private long[] where;
    private byte[] kinds;
    private int count;

    /** Adds an event of {@code kind} in calling context {@code context} at {@code site} (-1 if none). */
    void add(byte kind, int context, int site) {
        long w = ((long) context << 32) | (site & 0xffffffffL);
        long[] where = this.where;
        byte[] kinds = this.kinds;
        if (where == null) {
            kinds = new byte[SIZE];
            where = new long[SIZE];
            this.kinds = kinds;
            this.where = where; // last: snapshot reads it first
        }
        int n = count;
        if (n > 0) {
            int last = (n - 1) & (SIZE - 1);
            if (kinds[last] == kind && where[last] == w) {
                return;
            }
        }
        int i = n & (SIZE - 1);
        where[i] = w;
        kinds[i] = kind;
        count = n + 1;
    }

    /** A copy of the events, oldest first. */
    public Snapshot snapshot() {
        long[] where = this.where;
        byte[] kinds = this.kinds;
        int n = where == null || kinds == null ? 0 : count;
        int size = Math.min(n, SIZE);
        long[] w = new long[size];
        byte[] k = new byte[size];
        for (int j = 0; j < size; j++) {
            int i = (n - size + j) & (SIZE - 1);
            w[j] = where[i];
            k[j] = kinds[i];
        }
        return new Snapshot(k, w);
    }

    /** Events copied out, oldest first: kind, calling context and site of each. */
    public record Snapshot(byte[] kinds, long[] where) {
        public int size() {
            return kinds.length;
        }

        public int context(int i) {
            return (int) (where[i] >>> 32);
        }

        public int site(int i) {
            return (int) where[i];
        }
    }
}
