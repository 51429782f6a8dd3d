package bench.scale;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The work every thread of the thread-scale workloads does: mostly its own private array (accesses
 * that only ever see one thread), and now and then shared counters under locks (a striped
 * {@code synchronized} and one {@link ReentrantLock}), so that racedet's per-thread state, its
 * same-thread fast paths and its lock clock joins all grow with the number of live threads. Every sum
 * is commutative, so the result does not depend on thread timing.
 */
final class SharedAndPrivate {
    private static final int STRIPES = 64;
    private static final int PRIVATE_SLOTS = 64;

    private final long[] shared = new long[STRIPES];
    private final Object[] stripeLocks = new Object[STRIPES];
    private final ReentrantLock totalLock = new ReentrantLock();
    private long total;
    /** One slot per thread, written by that thread before it ends, read after join. */
    private final long[] privateSums;
    private final int rounds;

    SharedAndPrivate(int threads, int rounds) {
        this.privateSums = new long[threads];
        this.rounds = rounds;
        for (int i = 0; i < STRIPES; i++) {
            stripeLocks[i] = new Object();
        }
    }

    /** The body of thread {@code id}. */
    void work(int id) {
        long[] mine = new long[PRIVATE_SLOTS];
        for (int r = 0; r < rounds; r++) {
            // Private data: a pass over this thread's own array.
            for (int k = 0; k < PRIVATE_SLOTS; k++) {
                mine[k] += (long) (r ^ k) + id;
            }
            int s = (id + r) % STRIPES;
            synchronized (stripeLocks[s]) {
                shared[s] += id + r;
            }
            if (r % 8 == 0) {
                totalLock.lock();
                try {
                    total += r + 1;
                } finally {
                    totalLock.unlock();
                }
            }
        }
        long sum = 0;
        for (long v : mine) {
            sum += v;
        }
        privateSums[id] = sum;
    }

    /** The deterministic result line; call after every thread was joined. */
    String result() {
        long sharedSum = 0;
        for (int i = 0; i < STRIPES; i++) {
            synchronized (stripeLocks[i]) {
                sharedSum += shared[i];
            }
        }
        long privateSum = 0;
        for (long v : privateSums) {
            privateSum += v;
        }
        totalLock.lock();
        try {
            return "result threads=" + privateSums.length + " shared=" + sharedSum + " total=" + total + " private=" + privateSum;
        } finally {
            totalLock.unlock();
        }
    }
}
