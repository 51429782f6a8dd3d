package dev.racedet.runtime;

import dev.racedet.runtime.engine.ThreadState;
import java.util.Arrays;

/**
 * The {@link ThreadState} of every thread racedet has seen. A thread's state is created by whichever
 * comes first: its own first event, or its parent's {@code Thread.start}. Threads are identified by
 * their {@code Thread} object, never a native id, so virtual threads work too.
 */
final class Threads {
    private final ThreadLocal<ThreadState> current = new ThreadLocal<>();
    /** By identity: a Thread subclass may override equals/hashCode, and racedet never calls app code. */
    private final WeakIdentityTable<ThreadState> byThread = new WeakIdentityTable<>();
    private volatile ThreadState[] byTid = new ThreadState[64];
    private int nextTid;

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
        return byThread.computeIfAbsent(thread, this::register);
    }

    private synchronized ThreadState register(Object thread) {
        ThreadState t = new ThreadState(nextTid++, (Thread) thread);
        ThreadState[] all = t.tid < byTid.length ? byTid : Arrays.copyOf(byTid, byTid.length * 2);
        all[t.tid] = t;
        byTid = all; // the volatile write publishes the new element
        return t;
    }

    /** The state of {@code thread} if it has one, else {@code null}. */
    ThreadState find(Thread thread) {
        return byThread.get(thread);
    }

    /** The name of the thread in clock slot {@code tid}. */
    String name(int tid) {
        ThreadState[] all = byTid;
        ThreadState t = tid < all.length ? all[tid] : null;
        return t == null ? "thread-" + tid : t.name();
    }
}
