package dev.racedet.runtime;

import dev.racedet.runtime.engine.ThreadState;

/**
 * The {@link ThreadState} of every thread racedet has seen and that is still reachable. A thread's
 * state is created by whichever comes first: its own first event, or its parent's start. Threads
 * are identified by their {@code Thread} object, never a native id or the thread's own
 * {@code hashCode}, so virtual threads and Thread subclasses work too. A state lives as long as its
 * {@code Thread} object (for a later {@code join}); nothing here remembers threads that are gone.
 */
final class Threads {
    /** Stands in for a state being created: inside racedet, so events meanwhile are ignored. */
    private static final ThreadState CREATING = creating();
    /**
     * The state of every thread of the JDK's virtual-thread machinery ({@link #isSchedulerThread}):
     * permanently inside racedet, so their own events are ignored and they never take a lock of
     * racedet's.
     */
    private static final ThreadState SCHEDULER = creating();

    private final ThreadLocal<ThreadState> current = new ThreadLocal<>();
    /** By identity: a Thread subclass may override equals/hashCode, and racedet never calls app code. */
    private final WeakIdentityTable<ThreadState> byThread = new WeakIdentityTable<>();

    /**
     * The calling thread's state, created on first use. While it is being created (which runs JDK
     * code that synchronizes), a placeholder that is permanently inside racedet is returned, so the
     * hooks that creation triggers do nothing. The fast path is one ThreadLocal lookup.
     */
    ThreadState currentOrBusy() {
        ThreadState t = current.get();
        return t != null ? t : create();
    }

    /** Whether the calling thread is one of the JDK's virtual-thread machinery ({@link #isSchedulerThread}). */
    boolean onSchedulerThread() {
        return currentOrBusy() == SCHEDULER;
    }

    private ThreadState create() {
        current.set(CREATING);
        ThreadState t = null;
        try {
            Thread thread = Thread.currentThread();
            t = isSchedulerThread(thread) ? SCHEDULER : of(thread);
        } catch (Throwable e) {
            InternalErrors.record("registering a thread", e); // still marked as inside racedet
        } finally {
            current.set(t); // null after a failure: the next event tries again
        }
        return t;
    }

    /** The state of {@code thread}, created if needed. */
    ThreadState of(Thread thread) {
        return byThread.computeIfAbsent(thread, Threads::register);
    }

    private static ThreadState register(Object thread) {
        return new ThreadState((Thread) thread, "thread");
    }

    /** The state of {@code thread} if it has one, else {@code null}. */
    ThreadState find(Thread thread) {
        return byThread.get(thread);
    }

    /**
     * Whether {@code thread} is one of the platform threads that run virtual threads: a carrier
     * (while no virtual thread is mounted on it, {@code currentThread()} is the carrier), the
     * unblocker that reschedules virtual threads whose monitor became free, the unparker of timed
     * parks, or an I/O poller. Their own events are the scheduler's bookkeeping, never the program's:
     * a virtual thread's edges are made by the virtual thread itself (it acquires what its unparker
     * released, it is started and joined), and nothing a carrier learns reaches the threads it runs.
     *
     * <p>They must never wait for a lock of racedet's (JDK 24 and later): a virtual thread that
     * blocks on one is unmounted and needs a carrier, and the unblocker, to get it back; if every
     * carrier were blocked on that lock in a hook of the scheduler's own code, nobody would run the
     * virtual thread that is to take it next, and the program would hang.
     */
    static boolean isSchedulerThread(Thread thread) {
        String type = thread.getClass().getName(); // the JDK's own classes: no application code runs
        if (type.equals("jdk.internal.misc.CarrierThread")) {
            return true;
        }
        if (!type.equals("jdk.internal.misc.InnocuousThread")) {
            return false;
        }
        String name = thread.getName(); // final in Thread
        return name != null && (name.startsWith("VirtualThread-") || name.endsWith("-Poller"));
    }

    private static ThreadState creating() {
        ThreadState t = new ThreadState(null, "racedet");
        t.insideRacedet = true;
        return t;
    }
}
