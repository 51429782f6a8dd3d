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

    /**
     * The lock frame id of {@code lock}'s monitor, from {@code t}'s one-entry memo when the last
     * monitor it entered was of the same class (locks of one class in a loop): {@code ClassValue}
     * runs JDK code whose own synchronization would cost hooks at every monitor entry.
     */
    private static int lockId(ThreadState t, Object lock) {
        boolean isClass = lock instanceof Class<?>;
        Object key = isClass ? lock : lock.getClass();
        if (key == t.lastLockKey && isClass == t.lastLockIsClass) {
            return t.lastLockId;
        }
        int id = isClass ? CLASS_IDS.get((Class<?>) lock) : INSTANCE_IDS.get(lock.getClass());
        t.lastLockKey = key;
        t.lastLockIsClass = isClass;
        t.lastLockId = id;
        return id;
    }

    private HeldLocks() {
    }

    /** Monitors whose clocks each thread keeps at hand ({@link #cachedClock}). */
    static final int MONITOR_CACHE = 8;

    /**
     * The clock of {@code lock}'s monitor if {@code t} entered it recently, else {@code null}: a scan
     * by identity of a few entries, cheaper than the side table's identity hash (which, on a monitor
     * the thread holds, is a call into the VM).
     */
    public static SyncClock cachedClock(ThreadState t, Object lock) {
        Object[] keys = t.monitorKeys;
        if (keys != null) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == lock) {
                    return t.monitorClocks[i];
                }
            }
        }
        return null;
    }

    /** Remembers {@code clock} as the clock of {@code lock}'s monitor for {@link #cachedClock}. */
    public static void cacheClock(ThreadState t, Object lock, SyncClock clock) {
        if (t.terminated) {
            return; // see ThreadState.isTerminated
        }
        if (t.monitorKeys == null) {
            t.monitorKeys = new Object[MONITOR_CACHE];
            t.monitorClocks = new SyncClock[MONITOR_CACHE];
        }
        int i = t.monitorNext;
        t.monitorKeys[i] = lock;
        t.monitorClocks[i] = clock;
        t.monitorNext = (i + 1) & (MONITOR_CACHE - 1);
    }

    /** Forgets the monitors {@code t} kept at hand (the thread terminated): it keeps no object alive. */
    public static void forgetCachedClocks(ThreadState t) {
        t.monitorKeys = null;
        t.monitorClocks = null;
    }

    /** {@code t} entered the monitor of {@code lock}, whose clock is {@code clock}. */
    public static void entered(ThreadState t, Object lock, SyncClock clock) {
        if (t.heldCount == t.heldMonitors.length) {
            int size = Math.max(4, t.heldCount * 2);
            t.heldMonitors = java.util.Arrays.copyOf(t.heldMonitors, size);
            t.heldIds = java.util.Arrays.copyOf(t.heldIds, size);
            t.heldClocks = java.util.Arrays.copyOf(t.heldClocks, size);
        }
        t.heldIds[t.heldCount] = lockId(t, lock);
        t.heldClocks[t.heldCount] = clock;
        t.heldMonitors[t.heldCount++] = lock;
    }

    /**
     * {@code t} is about to exit the monitor of {@code lock}: its innermost entry of it goes. Returns
     * the monitor's clock as entered, or {@code null} if {@code t} was not known to hold it (entered
     * before racedet was attached).
     */
    public static SyncClock exiting(ThreadState t, Object lock) {
        for (int i = t.heldCount - 1; i >= 0; i--) {
            if (t.heldMonitors[i] == lock) {
                SyncClock clock = t.heldClocks[i];
                int after = t.heldCount - i - 1;
                System.arraycopy(t.heldMonitors, i + 1, t.heldMonitors, i, after);
                System.arraycopy(t.heldIds, i + 1, t.heldIds, i, after);
                System.arraycopy(t.heldClocks, i + 1, t.heldClocks, i, after);
                t.heldCount--;
                t.heldMonitors[t.heldCount] = null;
                t.heldClocks[t.heldCount] = null;
                return clock;
            }
        }
        return null;
    }

    /**
     * The context an access of {@code t} is recorded in: its calling context, extended by one lock
     * frame per held monitor (outermost first). Memoized for the last context and classes of monitors.
     */
    static int context(ThreadState t) {
        int n = t.heldCount;
        if (n == 0) {
            return t.context;
        }
        if (t.lockedBase == t.context && t.lockedCount == n && sameIds(t.lockedIds, t.heldIds, n)) {
            return t.lockedContext; // the same monitors' classes in the same context: a loop's lock
        }
        int c = t.context;
        for (int i = 0; i < n; i++) {
            c = CallingContexts.enter(c, LOCK_SITE_BASE + t.heldIds[i]);
        }
        if (t.lockedIds.length < n) {
            t.lockedIds = new int[t.heldIds.length];
        }
        System.arraycopy(t.heldIds, 0, t.lockedIds, 0, n);
        t.lockedCount = n;
        t.lockedContext = c;
        t.lockedBase = t.context;
        return c;
    }

    private static boolean sameIds(int[] a, int[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
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
