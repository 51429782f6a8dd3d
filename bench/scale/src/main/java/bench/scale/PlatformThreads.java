package bench.scale;

import java.util.concurrent.CountDownLatch;

/**
 * Scale: 1,000 platform threads alive at once over shared data (under locks) and private data
 * ({@link SharedAndPrivate}). racedet keeps state per live thread (a vector-clock slot, its calling
 * context, recent events) and joins clocks at every lock hand-over; this workload shows what a
 * thousand live threads cost in time and memory. A start gate keeps all of them alive before any
 * works.
 *
 * <p>Usage: {@code PlatformThreads [threads] [rounds]} (default 1000 threads, 2000 rounds each).
 */
public final class PlatformThreads {
    private PlatformThreads() {
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        SharedAndPrivate data = new SharedAndPrivate(threads, rounds);
        CountDownLatch gate = new CountDownLatch(1);
        Thread[] all = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            int id = i;
            all[i] = new Thread(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                data.work(id);
            }, "platform-" + i);
            all[i].start();
        }
        gate.countDown();
        for (Thread t : all) {
            t.join();
        }
        System.out.println(data.result());
    }
}
