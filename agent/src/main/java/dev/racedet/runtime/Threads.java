package dev.racedet.runtime;

import dev.racedet.runtime.engine.ThreadState;
import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The {@link ThreadState} of every thread racedet has seen. A thread's state is created by whichever
 * comes first: its own first event, or its parent's {@code Thread.start}. Threads are identified by
 * their {@code Thread} object, never a native id, so virtual threads work too.
 */
final class Threads {
    private final ThreadLocal<ThreadState> current = new ThreadLocal<>();
    /** Thread does not override equals/hashCode, so this is an identity map. */
    private final Map<Thread, ThreadState> byThread = new WeakHashMap<>();
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
    synchronized ThreadState of(Thread thread) {
        ThreadState t = byThread.get(thread);
        if (t == null) {
            t = new ThreadState(nextTid++, thread);
            byThread.put(thread, t);
            if (t.tid >= byTid.length) {
                byTid = Arrays.copyOf(byTid, byTid.length * 2);
            }
            byTid[t.tid] = t;
        }
        return t;
    }

    /** The state of {@code thread} if it has one, else {@code null}. */
    synchronized ThreadState find(Thread thread) {
        return byThread.get(thread);
    }

    /** The name of the thread in clock slot {@code tid}. */
    String name(int tid) {
        ThreadState[] all = byTid;
        ThreadState t = tid < all.length ? all[tid] : null;
        return t == null ? "thread-" + tid : t.name();
    }
}
