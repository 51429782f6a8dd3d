package dev.racedet.it.targets.threads;

// REQUIRES-JDK: 21

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Trap: {@code Executors.newVirtualThreadPerTaskExecutor()} (JDK 21, through a method handle).
 * Submission happens-before the task, which runs on a new virtual thread, and the task
 * happens-before {@code Future.get}; {@code close()} waits for all tasks.
 */
public class VirtualThreadExecutorTrap {
    static final class Job {
        int n;
        long square;
    }

    public static void main(String[] args) throws Exception {
        List<Job> jobs = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        ExecutorService executor = NewThreadApis.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < 40; i++) {
            Job job = new Job();
            job.n = i;
            jobs.add(job);
            futures.add(executor.submit(() -> job.square = (long) job.n * job.n));
        }
        long sum = 0;
        for (int i = 0; i < jobs.size(); i++) {
            futures.get(i).get();
            sum += jobs.get(i).square;
        }
        executor.shutdown();
        if (sum != 20540) {
            throw new AssertionError("sum " + sum);
        }
    }
}
