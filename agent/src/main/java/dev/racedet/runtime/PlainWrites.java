package dev.racedet.runtime;

import dev.racedet.runtime.engine.Detector;
import dev.racedet.runtime.engine.ThreadState;

/**
 * Plain stores of a reference through {@code Unsafe} (a {@code VarHandle}'s {@code set}, a plain
 * {@code putReference}) are published by the storing thread's next release: until then the
 * location is pending in the thread's state, and that release also releases into every pending
 * location.
 *
 * <p>Why: the JDK writes a node's fields plainly in its constructor and publishes the node with a
 * CAS on another location, the predecessor's {@code next}, which the consumer then reads plainly,
 * relying on the dependency from the node's reference to its fields (JDK 25's
 * {@code LinkedTransferQueue.DualNode}: {@code ITEM.set(this, item)} in the constructor, then
 * {@code p.cmpExNext(null, s)}; the consumer walks {@code p.next}, a plain field, and matches with a
 * CAS on {@code s.item}). racedet sees no plain read of the JDK, so without this rule the consumer's
 * CAS on {@code item} acquires nothing from the producer and every message handed over that way is
 * reported as a race. The edge given is the one of the publication: the writer's clock at its first
 * release after the plain store, never earlier, so a plain store that no release follows publishes
 * nothing, and a plain store does not publish what the writer did before an earlier release only.
 *
 * <p>At most {@link #CAPACITY} locations are pending per thread; a further store forgets the oldest
 * (the idiom stores and publishes within a few instructions). Pending bases are held strongly until
 * the next release. Only the owning thread calls these methods, inside racedet's guard.
 */
final class PlainWrites {
    /** Pending locations kept per thread. */
    static final int CAPACITY = 4;

    private PlainWrites() {
    }

    /** {@code t} stored plainly into {@code offset} of {@code base} (not {@code null}). */
    static void record(ThreadState t, Object base, long offset) {
        Object[] bases = t.plainWriteBases;
        if (bases == null) { // once per thread
            bases = t.plainWriteBases = new Object[CAPACITY];
            t.plainWriteOffsets = new long[CAPACITY];
        }
        long[] offsets = t.plainWriteOffsets;
        int n = t.plainWriteCount;
        for (int i = 0; i < n; i++) {
            if (bases[i] == base && offsets[i] == offset) {
                return; // already pending
            }
        }
        if (n == CAPACITY) { // forget the oldest
            System.arraycopy(bases, 1, bases, 0, CAPACITY - 1);
            System.arraycopy(offsets, 1, offsets, 0, CAPACITY - 1);
            n--;
        }
        bases[n] = base;
        offsets[n] = offset;
        t.plainWriteCount = n + 1;
    }

    /**
     * {@code t} is about to release: it releases into every pending location too, which are then no
     * longer pending. Call only when {@code t.plainWriteCount} is not 0.
     */
    static void publish(ThreadState t, Detector detector, Shadows shadows) {
        Object[] bases = t.plainWriteBases;
        long[] offsets = t.plainWriteOffsets;
        int n = t.plainWriteCount;
        t.plainWriteCount = 0;
        for (int i = 0; i < n; i++) {
            Object base = bases[i];
            bases[i] = null; // hold no program object longer than needed
            detector.release(t, shadows.location(base, offsets[i]));
        }
    }
}
