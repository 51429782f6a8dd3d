package dev.racedet.runtime.engine;

/**
 * FastTrack epochs packed into a {@code long}: the thread's clock slot (tid) in the high 32 bits and
 * that thread's clock value in the low 32 bits. Epoch {@code 0} (tid 0, clock 0) means "no access
 * yet": clocks start at 1, so clock 0 is covered by every vector clock.
 */
public final class Epoch {
    /** No access recorded. */
    public static final long NONE = 0L;

    private Epoch() {
    }

    public static long of(int tid, int clock) {
        return ((long) tid << 32) | (clock & 0xFFFF_FFFFL);
    }

    public static int tid(long epoch) {
        return (int) (epoch >>> 32);
    }

    public static int clock(long epoch) {
        return (int) epoch;
    }
}
