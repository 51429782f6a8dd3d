package dev.racedet.runtime;

import dev.racedet.runtime.engine.ThreadState;

/**
 * Hooks of atomic memory operations: calls of {@code jdk.internal.misc.Unsafe} and
 * {@code sun.misc.Unsafe} in every instrumented class, the JDK's included. {@code VarHandle}s, field
 * updaters and the {@code java.util.concurrent} classes are all built from those calls, so they are
 * modeled where they are implemented. A location is an object (or array) and an offset in it, the
 * same key volatile field instructions use ({@link FieldHooks}); with no object, the offset is an
 * off-heap address.
 *
 * <p>Placement contract: {@link #release} runs before the operation that writes with release
 * semantics (a volatile or release store, a CAS or get-and-op, whether it will succeed or not:
 * releasing before a failed CAS only adds an edge, never loses one), {@link #acquire} after the
 * operation that reads with acquire semantics. Plain and opaque operations get neither, but for
 * plain reference stores, which {@link #plainWrite} hands to the thread's next release
 * ({@link PlainWrites}).
 *
 * <p>Fences have no location. racedet models them soundly by over-synchronizing: every release
 * fence releases into one clock shared by all fences and every acquire fence acquires it, so a fence
 * orders a thread after every earlier release fence of every thread. That never reports a false
 * race through a fence-based publication; it can hide a race between two threads that both use
 * fences, and it makes fences contend on one lock.
 */
public final class AtomicHooks {
    private AtomicHooks() {
    }

    /** After an atomic read with acquire semantics of {@code offset} in {@code base}. */
    public static void acquire(Object base, long offset) {
        SyncEvents.acquire(SyncEvents.LOCATION, base, offset);
    }

    /** Before an atomic write with release semantics of {@code offset} in {@code base}. */
    public static void release(Object base, long offset) {
        SyncEvents.release(SyncEvents.LOCATION, base, offset);
    }

    /**
     * After a plain reference store into {@code offset} of {@code base} ({@code putReference}): the
     * location is published by the thread's next release ({@link PlainWrites}).
     */
    public static void plainWrite(Object base, long offset) {
        if (base == null) {
            return; // off heap: not the idiom PlainWrites models
        }
        ThreadState t = null;
        try {
            t = Engine.enter();
            if (t != null) {
                PlainWrites.record(t, base, offset);
            }
        } catch (Throwable e) {
            InternalErrors.record("plain write hook", e);
        } finally {
            Engine.exit(t);
        }
    }

    /** After a load fence ({@code loadFence}, {@code VarHandle.acquireFence}). */
    public static void loadFence() {
        SyncEvents.acquire(SyncEvents.FENCE, null, 0);
    }

    /** Before a store fence ({@code storeFence}, {@code VarHandle.releaseFence}). */
    public static void storeFence() {
        SyncEvents.release(SyncEvents.FENCE, null, 0);
    }

    /** At a full fence: both. */
    public static void fullFence() {
        SyncEvents.acquire(SyncEvents.FENCE, null, 0);
        SyncEvents.release(SyncEvents.FENCE, null, 0);
    }
}
