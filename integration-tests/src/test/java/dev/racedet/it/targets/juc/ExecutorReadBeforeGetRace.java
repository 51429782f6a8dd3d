package dev.racedet.it.targets.juc;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Race: main reads the task's result before calling {@code Future.get}. Submission orders main's
 * earlier actions before the task, but nothing orders the task's write before main's read: only the
 * return of {@code get} would. The task is the pool's first, so it runs on a new worker, and main
 * touches nothing the worker released before the read.
 */
public class ExecutorReadBeforeGetRace {
    private int result;

    public static void main(String[] args) throws Exception {
        ExecutorReadBeforeGetRace job = new ExecutorReadBeforeGetRace();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> done = pool.submit(() -> job.result = 42); // RACE
        int early = job.result; // RACE
        done.get();
        pool.shutdown();
        if (early != 0 && early != 42) {
            throw new AssertionError("impossible value");
        }
    }
}
