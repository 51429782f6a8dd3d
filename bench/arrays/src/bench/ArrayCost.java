package bench;

import java.util.Locale;

/**
 * Single-threaded cost of array element accesses under racedet, in nanoseconds per element, one
 * {@code name<TAB>ns} line per scenario; run with and without the agent (array-cost.sh does both).
 * "same epoch" scenarios touch elements already recorded in the current epoch (the lock-free fast
 * path); "new epoch" ones sweep an array after a release (a volatile write), so every element takes
 * the locked path; "first touch" ones access arrays nobody accessed before (shadow creation).
 * Each scenario runs twice, the first run warms up the JIT; the second is printed.
 */
public final class ArrayCost {
    private static final int N = 50_000_000;
    private static final int SWEEP = 1 << 20;

    private final int[] ints = new int[1024];
    private final long[] longs = new long[1024];
    private final int[] big = new int[SWEEP];
    private volatile int release;
    private long sink;

    private void intReadSameEpoch() {
        int[] a = ints;
        long s = 0;
        for (int i = 0; i < N; i++) {
            s += a[i & 1023];
        }
        sink += s;
    }

    private void intWriteSameEpoch() {
        int[] a = ints;
        for (int i = 0; i < N; i++) {
            a[i & 1023] = i;
        }
    }

    private void longIncrementSameEpoch() {
        long[] a = longs;
        for (int i = 0; i < N; i++) {
            a[i & 1023]++;
        }
    }

    private void intWriteNewEpoch() {
        int[] a = big;
        for (int round = 0; round < N / SWEEP; round++) {
            release = round; // a release: the next sweep is in a new epoch
            for (int i = 0; i < SWEEP; i++) {
                a[i] = round;
            }
        }
    }

    private void intReadNewEpoch() {
        int[] a = big;
        long s = 0;
        for (int round = 0; round < N / SWEEP; round++) {
            release = round;
            for (int i = 0; i < SWEEP; i++) {
                s += a[i];
            }
        }
        sink += s;
    }

    private void firstTouch() {
        for (int round = 0; round < N / 64; round++) {
            int[] fresh = new int[64];
            for (int i = 0; i < 64; i++) {
                fresh[i] = i;
            }
            sink += fresh[round & 63];
        }
    }

    private void arraycopy() {
        int[] from = big;
        int[] to = new int[SWEEP];
        for (int round = 0; round < N / SWEEP; round++) {
            release = round;
            System.arraycopy(from, 0, to, 0, SWEEP);
        }
    }

    public static void main(String[] args) {
        ArrayCost b = new ArrayCost();
        for (int pass = 0; pass < 2; pass++) {
            boolean print = pass == 1;
            time(print, "int[] read, same epoch", N, b::intReadSameEpoch);
            time(print, "int[] write, same epoch", N, b::intWriteSameEpoch);
            time(print, "long[] ++, same epoch", N, b::longIncrementSameEpoch);
            time(print, "int[] write, new epoch", N / SWEEP * SWEEP, b::intWriteNewEpoch);
            time(print, "int[] read, new epoch", N / SWEEP * SWEEP, b::intReadNewEpoch);
            time(print, "int[64] first touch", N / 64 * 65, b::firstTouch);
            time(print, "arraycopy, per element", N / SWEEP * SWEEP, b::arraycopy);
        }
        if (b.sink == 42) {
            System.out.println();
        }
    }

    private static void time(boolean print, String name, long ops, Runnable body) {
        long t0 = System.nanoTime();
        body.run();
        long t1 = System.nanoTime();
        if (print) {
            System.out.println(String.format(Locale.ROOT, "%s\t%.2f", name, (t1 - t0) / (double) ops));
        }
    }
}
