package bench.objects;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * Static state and volatile flags read in hot loops. Work runs in phases; between phases a barrier
 * action publishes a new {@link Config} through a static volatile field and bumps a static volatile
 * phase number. In their hot loops the workers read both volatiles on every iteration (as code that
 * checks "current settings" or "are we shutting down" does), read the published configuration's
 * plain fields, poll a volatile cancellation flag that is never set, write their own volatile
 * progress counter, and every few hundred iterations record into {@link Stats}, static state under
 * the class's monitor. Volatile accesses and static fields are each a detector hook; here they are
 * most of the work.
 * <p>
 * All work per phase is fixed and the statistics are sums, so the result does not depend on timing.
 * <p>
 * Arguments: iterations per thread and phase (default 30,000,000), phases (default 8), threads
 * (default 4).
 */
public final class StaticsVolatiles {

    private static volatile Config config;
    private static volatile int phase;
    private static volatile boolean cancelled;

    /** One worker's progress, read by main's monitor loop (a volatile written on every iteration). */
    private static final class Worker implements Runnable {
        private final int id;
        private final int iterations;
        private final int phases;
        private final CyclicBarrier barrier;
        private volatile long progress;
        private long check;

        Worker(int id, int iterations, int phases, CyclicBarrier barrier) {
            this.id = id;
            this.iterations = iterations;
            this.phases = phases;
            this.barrier = barrier;
        }

        @Override
        public void run() {
            try {
                for (int p = 0; p < phases; p++) {
                    barrier.await(); // the barrier action has published phase p's configuration
                    check = Workload.mix(check, runPhase());
                }
            } catch (InterruptedException | BrokenBarrierException e) {
                throw new IllegalStateException(e);
            }
        }

        private long runPhase() {
            long local = id;
            long pending = 0;
            for (int i = 0; i < iterations; i++) {
                if (cancelled) {
                    break;
                }
                Config current = config;
                local = local * current.getMultiplier() + (i ^ phase);
                local %= current.getModulus();
                pending += local & 0xff;
                progress = progress + 1;
                if ((i & 511) == 511) {
                    Stats.record(current.getLabel(), pending);
                    pending = 0;
                }
            }
            Stats.record(config.getLabel(), pending);
            return local;
        }

        long getProgress() {
            return progress;
        }

        long getCheck() {
            return check;
        }
    }

    private StaticsVolatiles() {
    }

    public static void main(String[] args) throws InterruptedException {
        int iterations = Workload.intArg(args, 0, 30_000_000);
        int phases = Workload.intArg(args, 1, 8);
        int threadCount = Workload.intArg(args, 2, 4);

        int[] nextPhase = {0};
        CyclicBarrier barrier = new CyclicBarrier(threadCount, () -> publish(nextPhase[0]++));
        Worker[] workers = new Worker[threadCount];
        Thread[] threads = new Thread[threadCount];
        for (int i = 0; i < threadCount; i++) {
            workers[i] = new Worker(i, iterations, phases, barrier);
            threads[i] = new Thread(workers[i], "statics-" + i);
            threads[i].start();
        }
        monitor(workers, threads);
        Workload.joinAll(threads);

        long checksum = Workload.mix(Workload.seed(), Stats.digest());
        for (Worker worker : workers) {
            checksum = Workload.mix(checksum, worker.getCheck());
            checksum = Workload.mix(checksum, worker.getProgress());
        }
        Workload.printResult("statics-volatiles", checksum);
    }

    /** Run by the barrier's last arriving thread: the next phase's settings, then its number. */
    private static void publish(int next) {
        Config c = new Config();
        c.setPhase(next);
        c.setMultiplier(31 + 2 * next);
        c.setModulus(1_000_003 + next * 7919);
        c.setLabel("phase-" + (next % 3));
        config = c;
        phase = next;
    }

    /** Main's progress monitor: polls the workers' volatile counters until they are done. */
    private static void monitor(Worker[] workers, Thread[] threads) throws InterruptedException {
        boolean alive = true;
        while (alive) {
            Thread.sleep(100);
            long sum = 0;
            for (Worker worker : workers) {
                sum += worker.getProgress();
            }
            alive = false;
            for (Thread t : threads) {
                alive |= t.isAlive();
            }
            if (sum < 0) {
                cancelled = true; // never: progress only grows; kept as the real shutdown path
            }
        }
    }
}
