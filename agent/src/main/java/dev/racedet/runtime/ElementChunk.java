package dev.racedet.runtime;

import dev.racedet.runtime.engine.Detector;
import dev.racedet.runtime.engine.ThreadState;
import dev.racedet.runtime.engine.VarState;
import java.util.Arrays;

/**
 * The FastTrack states of up to {@link ArrayShadow#CHUNK} consecutive elements of one array, kept
 * compact: each element holds a 16-bit index into a palette of {@link VarState}s, index 0 meaning
 * "never accessed". Elements whose accesses are the same (a loop writing a row in one epoch from one
 * line) share one palette entry, so a large array touched by one thread costs two bytes per element.
 *
 * <p>Palette entries are immutable once stored: an access runs the detector on a copy of the
 * element's state and stores the result (reusing an equal entry nearby when there is one). Lookups
 * on the same-epoch fast path take no lock and allocate nothing; a stale view only sends the caller
 * to the locked path. Entries no element uses any more are dropped when the palette is full, so the
 * palette never holds more than about twice the chunk's distinct states.
 */
final class ElementChunk {
    /** The element indexes and the palette, replaced whole when the palette is compacted. */
    private static final class Table {
        final char[] index;
        final VarState[] palette;
        /** Palette entries in use are 1 to {@code size - 1}; guarded by the chunk. */
        int size;

        Table(char[] index, VarState[] palette, int size) {
            this.index = index;
            this.palette = palette;
            this.size = size;
        }
    }

    private static final int FIRST_PALETTE = 4;
    /** Transition entries of a large chunk (a power of two). */
    private static final int TRANSITIONS = 16;
    /** Chunks with at least this many elements keep {@link #TRANSITIONS} entries, smaller ones one. */
    private static final int LARGE = 256;

    /** The class of the array, for the report's name when the access site does not know the field. */
    private final Class<?> arrayClass;
    /** The array index of this chunk's element 0. */
    private final int base;
    private volatile Table table;
    // The transitions made here in the current epochs (palette entry -> palette entry), reused while
    // the same thread makes the same access in the same epoch to elements in the same state: a loop
    // over a row touches its elements from a few sites (a stencil reads each element from several),
    // so a few transitions serve a whole chunk. Three longs an entry: the epoch, from << 32 | to,
    // site << 1 | write; an entry whose epoch is 0 is empty. Made at the first transition, with room
    // for one transition in small chunks and TRANSITIONS in large ones. Guarded by the chunk.
    private long[] transitions;

    ElementChunk(Class<?> arrayClass, int base, int length) {
        this.arrayClass = arrayClass;
        this.base = base;
        this.table = new Table(new char[length], new VarState[FIRST_PALETTE], 1);
    }

    /**
     * Whether this chunk, read without a lock, is seen as constructed: its volatile table is written
     * last by the constructor, so seeing it shows everything before it.
     */
    boolean isPublished() {
        return table != null;
    }

    /**
     * Whether the access of element {@code i} (chunk-relative) by {@code t} would change nothing:
     * no lock, no allocation.
     */
    boolean isCurrent(ThreadState t, int i, boolean write) {
        Table tb = table;
        if (tb == null) {
            return false; // a chunk read by a data race before its table is seen
        }
        int p = tb.index[i];
        VarState[] palette = tb.palette;
        if (p == 0 || p >= palette.length) {
            return false;
        }
        VarState v = palette[p];
        return v != null && (write ? v.writeIsCurrent(t) : v.readIsCurrent(t));
    }

    /** Records the access of element {@code i} (chunk-relative) by {@code t} at {@code site}. */
    void access(ThreadState t, Detector detector, int i, int site, boolean write) {
        if (!isCurrent(t, i, write)) {
            synchronized (this) {
                record(t, detector, i, site, write);
            }
        }
    }

    /** The same for elements {@code from} to {@code to - 1} (chunk-relative), under one lock. */
    void accessRange(ThreadState t, Detector detector, int from, int to, int site, boolean write) {
        synchronized (this) {
            for (int i = from; i < to; i++) {
                if (!isCurrent(t, i, write)) {
                    record(t, detector, i, site, write);
                }
            }
        }
    }

    private void record(ThreadState t, Detector detector, int i, int site, boolean write) {
        Table tb = table;
        int p = tb.index[i];
        VarState old = p == 0 ? null : tb.palette[p];
        long epoch = t.epoch();
        long how = ((long) site << 1) | (write ? 1 : 0);
        int entry = transitionEntry(p, site, write);
        long[] memo = transitions;
        int q;
        if (memo != null && memo[entry] == epoch && epoch != 0 && (int) (memo[entry + 1] >>> 32) == p
                && memo[entry + 2] == how && (old == null || old.onlyInSlotOf(t))) {
            // Nothing in the old state can race with t, and the new one is what it was last time.
            q = (int) memo[entry + 1];
        } else {
            VarState fresh = old == null ? new VarState(-1, arrayClass) : old.copy();
            fresh.setIndex(base + i);
            if (write) {
                detector.write(t, fresh, site);
            } else {
                detector.read(t, fresh, site);
            }
            q = old != null && fresh.sameAccesses(old) ? p : store(fresh, i);
            int from = table.index[i]; // store() may have compacted the palette (and emptied the memo)
            memo = transitions;
            if (memo == null) {
                memo = transitions = new long[3 * (tb.index.length >= LARGE ? TRANSITIONS : 1)];
            }
            entry = transitionEntry(from, site, write);
            memo[entry] = epoch;
            memo[entry + 1] = ((long) from << 32) | q;
            memo[entry + 2] = how;
        }
        table.index[i] = (char) q;
    }

    /** Where the transition from palette entry {@code p} by an access at {@code site} is memoized. */
    private int transitionEntry(int p, int site, boolean write) {
        long[] memo = transitions;
        if (memo == null || memo.length == 3) {
            return 0;
        }
        return 3 * ((p * 31 + site * 2 + (write ? 1 : 0)) & (TRANSITIONS - 1));
    }

    /** The last transition stored, for {@link #store}'s first candidate. */
    private int lastTo;

    /** The palette index of a state equal to {@code fresh}: a neighbor's or the last one, or a new entry. */
    private int store(VarState fresh, int i) {
        Table tb = table;
        if (isSame(tb, lastTo, fresh)) {
            return lastTo;
        }
        int before = i > 0 ? tb.index[i - 1] : 0;
        if (isSame(tb, before, fresh)) {
            return before;
        }
        int after = i + 1 < tb.index.length ? tb.index[i + 1] : 0;
        if (isSame(tb, after, fresh)) {
            return after;
        }
        if (isSame(tb, tb.size - 1, fresh)) {
            return tb.size - 1;
        }
        if (tb.size == tb.palette.length) {
            tb = makeRoom(tb);
        }
        int q = tb.size;
        tb.palette[q] = fresh;
        tb.size = q + 1;
        lastTo = q;
        return q;
    }

    private static boolean isSame(Table tb, int candidate, VarState fresh) {
        return candidate > 0 && candidate < tb.size && tb.palette[candidate].sameAccesses(fresh);
    }

    /**
     * A table with room for one more entry: the used entries packed into the same capacity when at
     * most half of it is in use, otherwise twice the capacity. Published whole, so a reader sees
     * either the old indexes with the old palette or the new with the new.
     */
    private Table makeRoom(Table tb) {
        char[] index = tb.index;
        int[] renumbered = new int[tb.size];
        for (char p : index) {
            renumbered[p] = 1;
        }
        renumbered[0] = 0; // untouched elements stay untouched
        int used = 1;
        for (int p = 1; p < tb.size; p++) {
            renumbered[p] = renumbered[p] == 0 ? 0 : used++;
        }
        Table next;
        if (used < tb.palette.length / 2) {
            VarState[] palette = new VarState[tb.palette.length];
            for (int p = 1; p < tb.size; p++) {
                if (renumbered[p] != 0) {
                    palette[renumbered[p]] = tb.palette[p];
                }
            }
            char[] packed = new char[index.length];
            for (int e = 0; e < index.length; e++) {
                packed[e] = (char) renumbered[index[e]];
            }
            next = new Table(packed, palette, used);
            lastTo = 0;
            if (transitions != null) {
                java.util.Arrays.fill(transitions, 0); // palette entries were renumbered
            }
        } else {
            next = new Table(index, Arrays.copyOf(tb.palette, tb.palette.length * 2), tb.size);
        }
        table = next;
        return next;
    }

    /** Palette entries in use, for tests: how compact the chunk is. */
    synchronized int distinctStates() {
        Table tb = table;
        boolean[] seen = new boolean[tb.size];
        int n = 0;
        for (char p : tb.index) {
            if (p != 0 && !seen[p]) {
                seen[p] = true;
                n++;
            }
        }
        return n;
    }
}
