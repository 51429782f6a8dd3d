package dev.racedet.it.targets.juc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Race: two tasks submitted to a two-worker {@code ForkJoinPool} write the same field. Each counts
 * down a latch and waits for the other first, so both run at once on different workers; the latch
 * orders only the countdowns. ({@code fork}/{@code join} inside one task could run the child in
 * the parent's thread, so that shape is not a deterministic race and is not used.)
 */
public class ForkJoinTwoWorkersRace {
    private int last;

    public static void main(String[] args) throws Exception {
        ForkJoinTwoWorkersRace shared = new ForkJoinTwoWorkersRace();
        CountDownLatch bothRunning = new CountDownLatch(2);
        ForkJoinPool pool = new ForkJoinPool(2);
        ForkJoinTask<?> a = pool.submit(() -> {
            bothRunning.countDown();
            await(bothRunning);
            shared.last = 1; // RACE
        });
        ForkJoinTask<?> b = pool.submit(() -> {
            bothRunning.countDown();
            await(bothRunning);
            shared.last = 2; // RACE
        });
        a.join();
        b.join();
        pool.shutdown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
