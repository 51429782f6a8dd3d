package dev.racedet.runtime.engine;

/**
 * FastTrack epochs packed into a non-negative {@code long}: a clock slot in bits 40 to 62 and that
 * slot's clock value in the low 40 bits. Epoch {@code 0} (slot 0, clock 0) means "no access yet":
 * clocks start at 1, so clock 0 is covered by every vector clock.
 *
 * <p>A clock never wraps: a thread whose clock reaches {@link Slots#clockLimit()} moves to a fresh
 * slot (see {@link ThreadState}), so 40 bits only bound how long one slot lasts (2^40 releases of one
 * thread, about 15 hours at 20 million releases per second), not how long a thread may run.
 */
public final class Epoch {
    /** No access recorded. */
    public static final long NONE = 0L;
    /** Bits of the clock value. */
    static final int CLOCK_BITS = 40;
    /** The largest clock value an epoch can hold. */
    public static final long MAX_CLOCK = (1L << CLOCK_BITS) - 1;
    /** The largest slot an epoch can hold: 8,388,607 threads alive at once. */
    static final int MAX_SLOT = (1 << (63 - CLOCK_BITS)) - 1;

    private Epoch() {
    }

    public static long of(int slot, long clock) {
        return ((long) slot << CLOCK_BITS) | clock;
    }

    public static int slot(long epoch) {
        return (int) (epoch >>> CLOCK_BITS);
    }

    public static long clock(long epoch) {
        return epoch & MAX_CLOCK;
    }
}
