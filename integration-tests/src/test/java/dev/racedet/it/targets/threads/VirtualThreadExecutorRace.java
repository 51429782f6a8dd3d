package dev.racedet.it.targets.threads;

// REQUIRES-JDK: 21

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Race: two tasks of a virtual-thread-per-task executor write the same counter without a lock.
 * Each task runs on its own virtual thread; both count down a latch and wait for it before
 * writing, so they overlap, and only main's {@code get} orders them (after the fact).
 */
public class VirtualThreadExecutorRace {
    private int hits;

    public static void main(String[] args) throws Exception {
        VirtualThreadExecutorRace state = new VirtualThreadExecutorRace();
        CountDownLatch both = new CountDownLatch(2);
        ExecutorService executor = NewThreadApis.newVirtualThreadPerTaskExecutor();
        Future<?> a = executor.submit(() -> {
            both.countDown();
            both.await();
            state.hits = 1; // RACE
            return null;
        });
        Future<?> b = executor.submit(() -> {
            both.countDown();
            both.await();
            state.hits = 2; // RACE
            return null;
        });
        a.get();
        b.get();
        executor.shutdown();
    }
}
