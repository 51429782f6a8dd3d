package dev.racedet.runtime;

import dev.racedet.runtime.engine.CallingContexts;
import dev.racedet.runtime.engine.ThreadState;

/**
 * Hooks that keep each thread's calling context ({@link CallingContexts}) while it runs checked
 * code, so that an access records its stack as one int on the detector's slow path.
 *
 * <p>Placement contract (see {@code ContextVisitor}): at the first instruction of a checked method,
 * {@link #thread} then {@link #enter} with its result, both results kept in locals; before each call
 * instruction of the method, {@link #call} with the thread and the call's site; before every return,
 * and in a catch-all handler that rethrows (not in constructors), {@link #exit} with both locals.
 * These hooks do no synchronization and allocate only when a context is seen for the first time.
 */
public final class ContextHooks {
    private ContextHooks() {
    }

    /** The calling thread's state, or {@code null} while it runs racedet's own work or has none yet. */
    public static Object thread() {
        try {
            ThreadState t = Engine.THREADS.currentOrBusy();
            return t == null || t.insideRacedet ? null : t;
        } catch (Throwable e) {
            InternalErrors.record("context hook", e);
            return null;
        }
    }

    /**
     * Enters the callee's context: the call made from the thread's current context at its last
     * call site. Returns the context to restore on exit.
     */
    public static int enter(Object thread) {
        if (thread == null) {
            return CallingContexts.ROOT;
        }
        ThreadState t = (ThreadState) thread;
        int saved = t.context;
        int flag = t.collectionSite >= 0 ? suspendCollectionCall(t) : 0;
        try {
            int site = t.callSite;
            t.callSite = -1; // a callback into checked code made without a call of this method's is not from that site
            if (site < 0) {
                t.context = saved; // called from code racedet does not check: the context stays
            } else {
                long key = ((long) saved << 32) | site;
                int i = site & (ThreadState.ENTER_CACHE - 1);
                long[] keys = t.enterKeys;
                if (keys == null) {
                    t.makeEnterCache();
                    keys = t.enterKeys;
                }
                int[] nodes = t.enterNodes;
                if (keys[i] == key) {
                    t.context = nodes[i]; // a loop calling the same methods from the same places
                } else {
                    int node = CallingContexts.enter(saved, site);
                    keys[i] = key;
                    nodes[i] = node;
                    t.context = node;
                }
            }
        } catch (Throwable e) {
            InternalErrors.record("context hook", e);
        }
        return saved | flag;
    }

    /**
     * A JDK collection call from checked code ({@code FieldHooks.collectionCall}) has called back into
     * checked code: a user's {@code Iterator}, {@code Comparator} or mapping function. The callback's
     * own work is not the collection call's, so the JDK collection fields it touches (through its own
     * calls, which mark their own sites) are not reported at the outer call's site: the outer site is
     * kept aside until the callback returns. Returns the flag {@link #exit} sees in the saved
     * context (context ids never use the sign bit), or 0 if there is no room to keep it (then the
     * outer call's later accesses go unchecked: fewer checks, never a wrong report).
     */
    private static int suspendCollectionCall(ThreadState t) {
        if (t.suspendedCollectionSites == null) {
            t.suspendedCollectionSites = new int[8];
        }
        int depth = t.suspendedCollectionDepth;
        int site = t.collectionSite;
        t.collectionSite = -1;
        if (depth == t.suspendedCollectionSites.length) {
            return 0;
        }
        t.suspendedCollectionSites[depth] = site;
        t.suspendedCollectionDepth = depth + 1;
        return Integer.MIN_VALUE;
    }

    private static void resumeCollectionCall(ThreadState t) {
        int depth = t.suspendedCollectionDepth;
        if (depth > 0) {
            t.suspendedCollectionDepth = depth - 1;
            t.collectionSite = t.suspendedCollectionSites[depth - 1];
        }
    }

    /** The thread is about to make the call at {@code site}. */
    public static void call(Object thread, int site) {
        if (thread != null) {
            ((ThreadState) thread).callSite = site;
        }
    }

    /** Leaves the method: back to the context it was entered from. */
    public static void exit(Object thread, int saved) {
        if (thread != null) {
            ThreadState t = (ThreadState) thread;
            if (saved < 0) {
                resumeCollectionCall(t);
                saved &= Integer.MAX_VALUE;
            }
            t.context = saved;
            // The call that entered this method is over: checked code entered next from outside
            // (the JVM calling main after a static initializer) was not called from its site.
            t.callSite = -1;
        }
    }
}
