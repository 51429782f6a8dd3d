package dev.racedet.it.targets.juc;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trap: executor submission and {@code Future.get}. Per the java.util.concurrent memory consistency
 * properties, actions before {@code submit} happen-before the task, and the task happens-before the
 * return of {@code get}. Main writes the input before submitting; the task reads it and writes the
 * output; main reads the output after {@code get}. Several tasks on a pool of two workers.
 */
public class ExecutorFutureGetTrap {
    private int input;
    private int output;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                ExecutorFutureGetTrap job = new ExecutorFutureGetTrap();
                job.input = i;
                Future<?> done = pool.submit(() -> job.output = job.input * 2);
                done.get();
                if (job.output != i * 2) {
                    throw new AssertionError("lost output");
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
