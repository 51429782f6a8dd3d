package dev.racedet.it.corpus;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent target JVMs a few at a time, so that a suite of hundreds of one-second programs
 * uses both cores without JUnit's parallel mode (which would need global configuration). Work is
 * submitted up front; each dynamic test then waits for its own result, in order.
 *
 * <p>The caller must {@link #close()} it once every result was taken (or the tests were abandoned):
 * its threads are daemons, so a forgotten instance never keeps the test JVM alive.
 */
public final class ConcurrentRuns implements AutoCloseable {
    /** System property: how many target JVMs run at once (default 2, the CI machine's cores). */
    public static final String PARALLELISM = "racedet.corpus.parallelism";

    private final ExecutorService pool;

    public ConcurrentRuns() {
        int parallelism = Math.max(1, Integer.getInteger(PARALLELISM, 2));
        AtomicInteger count = new AtomicInteger();
        pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "corpus-run-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts {@code work} as soon as a slot is free. */
    public <T> Future<T> submit(Callable<T> work) {
        return pool.submit(work);
    }

    /** The result of {@code future}; its failure is rethrown as is (assertion errors stay assertion errors). */
    public static <T> T await(Future<T> future) throws Throwable {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
