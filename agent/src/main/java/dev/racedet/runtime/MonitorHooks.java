package dev.racedet.runtime;

/**
 * Hooks of monitors, in every class that uses them, the JDK's included: {@code synchronized} blocks
 * and methods, and {@code Object.wait}, whose calls are replaced by the methods here (wait is final,
 * so behavior is unchanged). Acquire hooks run after the monitor is entered, release hooks before it
 * is exited. Never throws anything of its own: the wait replacements throw exactly what
 * {@code Object.wait} throws.
 */
public final class MonitorHooks {
    private MonitorHooks() {
    }

    /** After MONITORENTER, and at the start of a synchronized method. */
    public static void monitorEnter(Object lock) {
        if (lock != null) {
            SyncEvents.acquire(SyncEvents.MONITOR, lock, 0);
        }
    }

    /** Before MONITOREXIT, and before every exit of a synchronized method. */
    public static void monitorExit(Object lock) {
        if (lock != null) {
            SyncEvents.release(SyncEvents.MONITOR, lock, 0);
        }
    }

    /** Replaces {@code o.wait()}: the wait releases and then re-acquires the monitor. */
    public static void wait(Object o) throws InterruptedException {
        boolean held = releaseForWait(o);
        try {
            o.wait();
        } catch (InterruptedException e) {
            ThreadHooks.interruptDetected();
            throw e;
        } finally {
            reacquireAfterWait(o, held);
        }
    }

    /** Replaces {@code o.wait(millis)}. */
    public static void wait(Object o, long millis) throws InterruptedException {
        boolean held = releaseForWait(o);
        try {
            o.wait(millis);
        } catch (InterruptedException e) {
            ThreadHooks.interruptDetected();
            throw e;
        } finally {
            reacquireAfterWait(o, held);
        }
    }

    /** Replaces {@code o.wait(millis, nanos)}. */
    public static void wait(Object o, long millis, int nanos) throws InterruptedException {
        boolean held = releaseForWait(o);
        try {
            o.wait(millis, nanos);
        } catch (InterruptedException e) {
            ThreadHooks.interruptDetected();
            throw e;
        } finally {
            reacquireAfterWait(o, held);
        }
    }

    private static boolean releaseForWait(Object o) {
        // Without the monitor the real wait throws IllegalMonitorStateException: no edge then.
        boolean held = o != null && Thread.holdsLock(o);
        if (held) {
            monitorExit(o);
        }
        return held;
    }

    private static void reacquireAfterWait(Object o, boolean held) {
        if (held) {
            monitorEnter(o);
        }
    }
}
