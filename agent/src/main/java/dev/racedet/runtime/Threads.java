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
    private final ThreadLocal<ThreadState> current = new ThreadLocal<>();
    /** By identity: a Thread subclass may override equals/hashCode, and racedet never calls app code. */
    private final WeakIdentityTable<ThreadState> byThread = new WeakIdentityTable<>();

    /** The calling thread's state; the fast path is one ThreadLocal lookup. */
    ThreadState current() {
        ThreadState t = current.get();
        if (t == null) {
            t = of(Thread.currentThread());
            current.set(t);
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
}
