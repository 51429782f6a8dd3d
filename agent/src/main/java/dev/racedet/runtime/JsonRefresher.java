package dev.racedet.runtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * racedet's daemon thread that rewrites the JSON report soon after races change, so application
 * threads never wait for the disk. A request only sets a flag and unparks the thread. Writes are at
 * most one per {@link #DEBOUNCE_MILLIS} (a burst of new races costs one write), and the thread also
 * rewrites the report when the number of races changed without a request (a request lost to a stack
 * overflow), checked every {@link #POLL_MILLIS}. The final report is written by the exit hook, not
 * here, so nothing depends on this thread's timing.
 */
final class JsonRefresher implements Runnable {
    private static final long DEBOUNCE_MILLIS = 100;
    private static final long POLL_MILLIS = 1000;

    private final Runnable write;
    private volatile boolean requested;
    private Thread thread;
    private int written;

    private JsonRefresher(Runnable write) {
        this.write = write;
    }

    /** Starts the daemon thread; {@code write} writes the current report and never throws. */
    static JsonRefresher start(Runnable write) {
        JsonRefresher r = new JsonRefresher(write);
        Thread t = new Thread(r, "racedet-json");
        t.setDaemon(true);
        r.thread = t;
        t.start();
        return r;
    }

    /** Asks for a rewrite soon. Any thread; no allocation, no lock. */
    void request() {
        requested = true;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        Racedet.markInternalThread(); // its locks and output are racedet's, not the program's
        while (true) {
            if (!requested) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
            }
            try {
                int races = Racedet.reporter().races().size();
                if (requested || races != written) {
                    requested = false;
                    written = races;
                    write.run();
                    pause();
                }
            } catch (Throwable e) {
                InternalErrors.record("refreshing the JSON report", e);
            }
        }
    }

    /** The debounce: requests arriving meanwhile are served by the next write. */
    private static void pause() {
        try {
            Thread.sleep(DEBOUNCE_MILLIS);
        } catch (InterruptedException e) {
            // nobody interrupts racedet's thread; if someone does, just write sooner
        }
    }
}
