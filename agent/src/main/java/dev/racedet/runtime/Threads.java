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

    private ThreadState create() {
        current.set(CREATING);
        ThreadState t = null;
        try {
            t = of(Thread.currentThread());
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

    private static ThreadState creating() {
        ThreadState t = new ThreadState(null, "racedet");
        t.insideRacedet = true;
        return t;
    }
}
