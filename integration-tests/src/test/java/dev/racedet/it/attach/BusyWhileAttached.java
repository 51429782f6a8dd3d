package dev.racedet.it.attach;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A correctly synchronized program that keeps a thread pool busy (a monitor, a ConcurrentHashMap,
 * futures) while racedet is attached and detached under it: nothing may be reported, nothing may
 * break, and its results must stay right. Prints {@code ok <tasks>} or {@code wrong ...} at the end.
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
            for (int i = 0; i < 100; i++) {
                int key = i % 10;
                batch.add(pool.submit(() -> work(key)));
                submitted[0]++;
            }
            for (Future<?> f : batch) {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static void work(int key) {
        synchronized (LOCK) {
            guarded++;
        }
        COUNTS.merge(key, 1, Integer::sum);
    }
}
