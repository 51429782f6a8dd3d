package dev.racedet.runtime.engine;

import java.util.Arrays;

/**
 * A vector clock: one logical clock per thread slot, growing on demand. Not thread-safe: the owner
 * (a thread's own state, or a {@link SyncClock} under its lock) guarantees exclusive access.
 *
 * <p>Slots are reused (see {@link Slots}), so the length of a clock is bounded by the number of slots
 * in use, which follows the number of threads alive rather than the number ever started.
 *
 * <p>Not final only so that {@link SyncClock} can be one: a location's clock is then one object and
 * one array, not two objects and an array (a program may hold 100,000 threads, each with volatile
 * fields). Empty clocks share one empty array until their first entry.
 */
public class VectorClock {
    private static final long[] EMPTY = {};
    private long[] clocks;
    /** One past the highest slot with a non-zero value: joins stop there. */
    private int length;

    public VectorClock() {
        clocks = EMPTY;
    }

    public long get(int slot) {
        return slot < length ? clocks[slot] : 0;
    }

    public void set(int slot, long value) {
        ensure(slot);
        clocks[slot] = value;
        if (slot >= length && value != 0) {
            length = slot + 1;
        }
    }

    /** One past the highest slot this clock knows anything of. */
    public int length() {
        return length;
    }

    /** True when the access at {@code epoch} happens-before the point this clock describes. */
    public boolean covers(long epoch) {
        return Epoch.clock(epoch) <= get(Epoch.slot(epoch));
    }

    /** Pointwise maximum with {@code other}. */
    public void join(VectorClock other) {
        int n = other.length;
        if (n == 0) {
            return;
        }
        ensure(n - 1);
        long[] c = clocks;
        long[] o = other.clocks;
        for (int i = 0; i < n; i++) {
            if (o[i] > c[i]) {
                c[i] = o[i];
            }
        }
        if (n > length) {
            length = n;
        }
    }

    private void ensure(int slot) {
        if (slot >= clocks.length) {
            clocks = Arrays.copyOf(clocks, Math.max(slot + 1, clocks.length * 2));
        }
    }

    /** The entries up to {@link #length}, as text (tests and diagnostics). */
    final String entries() {
        return Arrays.toString(Arrays.copyOf(clocks, length));
    }

    @Override
    public String toString() {
        return entries();
    }
}
