package dev.racedet.it.targets.juc;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Race: two tasks of one {@code invokeAll} write the same field. Both tasks count down a latch and
 * wait for it before writing, so they provably run at the same time on the pool's two workers; the
 * latch orders only what precedes the countdowns. {@code invokeAll} orders both writes before main,
 * not before each other.
 */
public class InvokeAllSharedFieldRace {
    private int winner;

    public static void main(String[] args) throws Exception {
        InvokeAllSharedFieldRace shared = new InvokeAllSharedFieldRace();
        CountDownLatch bothRunning = new CountDownLatch(2);
        Callable<Object> first = () -> {
            bothRunning.countDown();
            bothRunning.await();
            shared.winner = 1; // RACE
            return null;
        };
        Callable<Object> second = () -> {
            bothRunning.countDown();
            bothRunning.await();
            shared.winner = 2; // RACE
            return null;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        pool.invokeAll(List.of(first, second));
        pool.shutdown();
        if (shared.winner == 0) {
            throw new AssertionError("no write");
        }
    }
}
