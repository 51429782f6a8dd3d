package dev.racedet.runtime.engine;

import java.util.Arrays;

/**
 * A vector clock: one logical clock per thread slot, growing on demand. Not thread-safe: the owner
 * (a thread's own state, or a {@link SyncClock} under its lock) guarantees exclusive access.
 */
public final class VectorClock {
    private int[] clocks;

    public VectorClock() {
        clocks = new int[8];
    }

    public int get(int tid) {
        int[] c = clocks;
        return tid < c.length ? c[tid] : 0;
    }

    public void set(int tid, int value) {
        ensure(tid);
        clocks[tid] = value;
    }

    /** True when the access at {@code epoch} happens-before the point this clock describes. */
    public boolean covers(long epoch) {
        return Epoch.clock(epoch) <= get(Epoch.tid(epoch));
    }

    /** Pointwise maximum with {@code other}. */
    public void join(VectorClock other) {
        int[] o = other.clocks;
        int last = o.length - 1;
        while (last >= 0 && o[last] == 0) {
            last--;
        }
        if (last < 0) {
            return;
        }
        ensure(last);
        int[] c = clocks;
        for (int i = 0; i <= last; i++) {
            if (o[i] > c[i]) {
                c[i] = o[i];
            }
        }
    }

    private void ensure(int tid) {
        if (tid >= clocks.length) {
            clocks = Arrays.copyOf(clocks, Math.max(tid + 1, clocks.length * 2));
        }
    }

    @Override
    public String toString() {
        int last = clocks.length - 1;
        while (last > 0 && clocks[last] == 0) {
            last--;
        }
        return Arrays.toString(Arrays.copyOf(clocks, last + 1));
    }
}
