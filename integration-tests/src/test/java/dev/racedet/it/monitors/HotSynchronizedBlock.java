package dev.racedet.it.monitors;

/**
 * Calls methods that hold a {@code synchronized} block often enough for the JIT's last tier to compile
 * them (run with {@code -Xbatch} so that compilations finish before the program does): one block that
 * falls through, one that returns from inside the block.
 */
public final class HotSynchronizedBlock {
    private static final int CALLS = 200_000;

    private final Object lock = new Object();
    private long total;

    private HotSynchronizedBlock() {
    }

    public static void main(String[] args) {
        HotSynchronizedBlock b = new HotSynchronizedBlock();
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            b.add(i);
            sum += b.current();
        }
        System.out.println("total " + b.total + " sum " + sum);
    }

    void add(int amount) {
        synchronized (lock) {
            total += amount;
        }
    }

    long current() {
        synchronized (lock) {
            return total;
        }
    }
}
