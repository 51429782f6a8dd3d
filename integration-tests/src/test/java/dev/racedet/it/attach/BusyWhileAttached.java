package dev.racedet.it.attach;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A correctly synchronized program that keeps a thread pool busy (a monitor, a ConcurrentHashMap,
 * futures) while racedet is attached and detached under it: nothing may be reported, nothing may
 * break, and its results must stay right. Each task writes its result into a plain field that the
 * feeder reads after {@code Future.get}: only the JDK classes instrumented at attach (the pool, the
 * queue and the future were loaded long before) order the two. Prints {@code ok <tasks>} or {@code wrong ...} at the end.
 */
public final class BusyWhileAttached {
    private static final Object LOCK = new Object();
    private static long guarded;
    private static final ConcurrentHashMap<Integer, Integer> COUNTS = new ConcurrentHashMap<>();
    private static volatile boolean stop;

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long[] submitted = new long[1];
        Thread feeder = new Thread(() -> feed(pool, submitted), "feeder");
        feeder.start();
        Phases.reached("ready");
        Phases.await("go");
        Phases.reached("running");
        Phases.await("stop");
        stop = true;
        feeder.join();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        long counted = COUNTS.values().stream().mapToLong(Integer::longValue).sum();
        Phases.reached(guarded == submitted[0] && counted == submitted[0] ? "ok " + submitted[0]
                : "wrong " + guarded + " " + counted + " " + submitted[0]);
        Phases.await("end");
    }

    private static void feed(ExecutorService pool, long[] submitted) {
        while (!stop) {
            List<Future<?>> batch = new ArrayList<>();
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int key = i % 10;
                Result result = new Result();
                results.add(result);
                batch.add(pool.submit(() -> work(key, result)));
                submitted[0]++;
            }
            for (int i = 0; i < batch.size(); i++) {
                try {
                    batch.get(i).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                check(results.get(i), i % 10);
            }
            LockSupport.parkNanos(1_000_000); // busy, not CPU-bound: the attach itself needs the CPU
        }
    }

    private static void work(int key, Result result) {
        synchronized (LOCK) {
            guarded++;
        }
        COUNTS.merge(key, 1, Integer::sum);
        result.value = key + 1;
    }

    /** A method of its own, so that it runs instrumented code even in the feeder's old frame. */
    private static void check(Result result, int key) {
        if (result.value != key + 1) {
            throw new IllegalStateException("result not visible after Future.get");
        }
    }

    private static final class Result {
        int value;
    }
}
