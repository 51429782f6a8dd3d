package dev.racedet.runtime.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The monitors each thread holds, so reports can say which locks were held at each access. A thread
 * keeps its held monitors in a small stack ({@link ThreadState}); an access recorded while monitors
 * are held records them as extra innermost frames of its calling context ({@link CallingContexts}),
 * one per monitor, named by the monitor object's class: the tree stays bounded by code paths and
 * classes (per-object names would grow it with every lock object ever held). The current access of
 * a report names its monitors by object ({@code demo.Account@1b6d3586}, the identity hash).
 *
 * <p>Only {@code synchronized} monitors are tracked; {@code java.util.concurrent} locks are not.
 */
public final class HeldLocks {
    /** Lock frames use site ids from here on: far above any real site id. */
    static final int LOCK_SITE_BASE = 1 << 30;
    private static final List<String> CLASS_NAMES = new ArrayList<>();
    /** Ids of lock frames for monitors of instances of a class ("a demo.Account"). */
    private static final ClassValue<Integer> INSTANCE_IDS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return add("a " + type.getName());
        }
    };
    /** Ids of lock frames for the monitor of a class object itself (static synchronized methods). */
    private static final ClassValue<Integer> CLASS_IDS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return add("class " + type.getName());
        }
    };

    private static int add(String description) {
        synchronized (CLASS_NAMES) {
            CLASS_NAMES.add(description);
            return CLASS_NAMES.size() - 1;
        }
    }

    private static int lockId(Object lock) {
        return lock instanceof Class<?> type ? CLASS_IDS.get(type) : INSTANCE_IDS.get(lock.getClass());
    }

    private HeldLocks() {
    }

    /** {@code t} entered the monitor of {@code lock}. */
    public static void entered(ThreadState t, Object lock) {
        if (t.heldCount == t.heldMonitors.length) {
            t.heldMonitors = java.util.Arrays.copyOf(t.heldMonitors, t.heldCount * 2);
        }
        t.heldMonitors[t.heldCount++] = lock;
        t.lockedBase = -1;
    }

    /** {@code t} is about to exit the monitor of {@code lock}: its innermost entry of it goes. */
    public static void exiting(ThreadState t, Object lock) {
        for (int i = t.heldCount - 1; i >= 0; i--) {
            if (t.heldMonitors[i] == lock) {
                System.arraycopy(t.heldMonitors, i + 1, t.heldMonitors, i, t.heldCount - i - 1);
                t.heldMonitors[--t.heldCount] = null;
                t.lockedBase = -1;
                return;
            }
        }
    }

    /**
     * The context an access of {@code t} is recorded in: its calling context, extended by one lock
     * frame per held monitor (outermost first). Cached until the context or the monitors change.
     */
    static int context(ThreadState t) {
        if (t.heldCount == 0) {
            return t.context;
        }
        if (t.lockedBase == t.context) {
            return t.lockedContext;
        }
        int c = t.context;
        for (int i = 0; i < t.heldCount; i++) {
            c = CallingContexts.enter(c, LOCK_SITE_BASE + lockId(t.heldMonitors[i]));
        }
        t.lockedContext = c;
        t.lockedBase = t.context;
        return c;
    }

    /** Whether a site of a recorded context is a lock frame. */
    public static boolean isLockSite(int site) {
        return site >= LOCK_SITE_BASE;
    }

    /** {@code monitor of a demo.Account} (or {@code monitor of class demo.Bank}) for a lock frame's site. */
    public static String describe(int lockSite) {
        synchronized (CLASS_NAMES) {
            int id = lockSite - LOCK_SITE_BASE;
            return "monitor of " + (id < CLASS_NAMES.size() ? CLASS_NAMES.get(id) : "?");
        }
    }

    /** The monitors {@code t} holds now, innermost first: {@code monitor of demo.Account@1b6d3586}. */
    public static List<String> heldNow(ThreadState t) {
        List<String> names = new ArrayList<>(t.heldCount);
        for (int i = t.heldCount - 1; i >= 0; i--) {
            Object lock = t.heldMonitors[i];
            names.add(lock instanceof Class<?> type ? "monitor of class " + type.getName()
                    : "monitor of " + lock.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(lock)));
        }
        return names;
    }
}
