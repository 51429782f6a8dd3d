package dev.racedet.runtime;

import static dev.racedet.runtime.Engine.DETECTOR;
import static dev.racedet.runtime.Engine.SHADOWS;

import dev.racedet.runtime.engine.HeldLocks;
import dev.racedet.runtime.engine.SyncClock;
import dev.racedet.runtime.engine.ThreadState;

/**
 * The one shape of every acquire and release hook: inside racedet's guard, find the clock of the
 * synchronization location, and record the event; a failure is counted, never thrown. The kind says
 * what names the location. An acquire of a location nothing was released to does nothing and
 * creates no state. Every release also publishes the thread's pending plain stores
 * ({@link PlainWrites}).
 */
final class SyncEvents {
    /** A monitor: {@code base} is the lock object. */
    static final int MONITOR = 0;
    /** A volatile instance field: {@code base} is the object, {@code key} the runtime field id. */
    static final int FIELD = 1;
    /** A volatile static field: {@code key} is the runtime field id. */
    static final int STATIC = 2;
    /** An atomic location: {@code base} the object or array ({@code null}: off heap), {@code key} the offset. */
    static final int LOCATION = 3;
    /** Every fence. */
    static final int FENCE = 4;
    /** A class initialization: {@code key} is the class id. */
    static final int CLASS_INIT = 5;

    private static final String[] ACQUIRE_HOOKS = {"monitor enter hook", "volatile read hook",
        "static volatile read hook", "atomic acquire hook", "fence hook", "class use hook"};
    private static final String[] RELEASE_HOOKS = {"monitor exit hook", "volatile write hook",
        "static volatile write hook", "atomic release hook", "fence hook", "class initialization hook"};

    private SyncEvents() {
    }

    /** The calling thread acquires the location ({@code kind}, {@code base}, {@code key}). */
    static void acquire(int kind, Object base, long key) {
        acquire(kind, base, key, null);
    }

    /** The same, given the thread's state ({@code null}: find it). */
    static void acquire(int kind, Object base, long key, Object thread) {
        ThreadState t = null;
        try {
            t = Engine.enter(thread);
            if (t != null) {
                if (kind == MONITOR) {
                    SyncClock s = HeldLocks.cachedClock(t, base);
                    if (s == null) {
                        s = SHADOWS.monitor(base);
                        HeldLocks.cacheClock(t, base, s);
                    }
                    DETECTOR.acquireMonitor(t, s);
                    HeldLocks.entered(t, base, s);
                } else {
                    SyncClock s = clock(t, kind, base, key, false);
                    if (s != null) {
                        DETECTOR.acquire(t, s);
                    }
                }
            }
        } catch (Throwable e) {
            InternalErrors.record(ACQUIRE_HOOKS[kind], e);
        } finally {
            Engine.exit(t);
        }
    }

    /** The calling thread is about to release the location ({@code kind}, {@code base}, {@code key}). */
    static void release(int kind, Object base, long key) {
        release(kind, base, key, null);
    }

    /** The same, given the thread's state ({@code null}: find it). */
    static void release(int kind, Object base, long key, Object thread) {
        ThreadState t = null;
        try {
            t = Engine.enter(thread);
            if (t != null) {
                if (t.plainWriteCount != 0) {
                    PlainWrites.publish(t, DETECTOR, SHADOWS); // plain stores since the last release
                }
                if (kind == MONITOR) {
                    SyncClock s = HeldLocks.exiting(t, base);
                    DETECTOR.releaseMonitor(t, s != null ? s : SHADOWS.monitor(base));
                } else {
                    DETECTOR.release(t, clock(t, kind, base, key, true));
                }
            }
        } catch (Throwable e) {
            InternalErrors.record(RELEASE_HOOKS[kind], e);
        } finally {
            Engine.exit(t);
        }
    }

    /** The location's clock; with {@code create} false, {@code null} where nothing was released yet. */
    private static SyncClock clock(ThreadState t, int kind, Object base, long key, boolean create) {
        if (kind != FIELD) {
            return clock(kind, base, key, create);
        }
        SyncClock s = LocationCache.find(t, base, (int) key);
        if (s == null) {
            s = clock(kind, base, key, create);
            if (s != null) {
                LocationCache.put(t, base, (int) key, s);
            }
        }
        return s;
    }

    private static SyncClock clock(int kind, Object base, long key, boolean create) {
        return switch (kind) {
            case MONITOR -> SHADOWS.monitor(base);
            case FIELD -> create ? SHADOWS.volatileField(base, (int) key) : SHADOWS.findVolatileField(base, (int) key);
            case STATIC -> SHADOWS.staticVolatile((int) key);
            case LOCATION -> create ? SHADOWS.location(base, key) : SHADOWS.findLocation(base, key);
            case FENCE -> SHADOWS.fences();
            default -> SHADOWS.classInit((int) key);
        };
    }
}
