package dev.racedet.runtime;

import dev.racedet.runtime.engine.Detector;
import dev.racedet.runtime.engine.ThreadState;
import dev.racedet.runtime.engine.VarState;
import java.util.IdentityHashMap;

/**
 * The FastTrack states of up to {@link ArrayShadow#CHUNK} consecutive elements of one array, kept
 * compact: each element refers to a {@link VarState} that elements whose accesses are the same (a
 * loop writing a row in one epoch from one line) share, so a large array touched by one thread costs
 * one reference per element; a state no element refers to any more goes with the garbage.
 *
 * <p>Stored states are immutable: an access runs the detector on a copy of the element's state and
 * stores the result (reusing an equal state nearby when there is one). The same-epoch test reads the
 * element's state without a lock and allocates nothing; a stale view only sends the caller to the
 * locked path (a state is complete before it is stored, and a state seen half-published reads as
 * "no access", which is never current).
 */
final class ElementChunk {
    /** Transition entries of a large chunk. */
    private static final int TRANSITIONS = 16;
    /** Chunks with at least this many elements keep {@link #TRANSITIONS} entries, smaller ones one. */
    private static final int LARGE = 256;

    /** The class of the array, for the report's name when the access site does not know the field. */
    private final Class<?> arrayClass;
    /** The array index of this chunk's element 0. */
    private final int base;
    /** Per element, its state or {@code null} (never accessed); written under the chunk's lock. */
    private final VarState[] states;
    // The transitions made here in the current epochs (state -> state), reused while the same thread
    // makes the same access in the same epoch to elements in the same state: a loop over a row touches
    // its elements from a few sites (a stencil reads each element from several), so a few transitions
    // serve a whole chunk. Per entry: the state before (null: never accessed) and after, the epoch
    // (0: empty entry) and site << 1 | write. Made at the first transition. Guarded by the chunk.
    private VarState[] fromStates;
    private VarState[] toStates;
    private long[] transitionEpochs;
    private long[] transitionKinds;
    private int nextTransition;
    /** The last state stored, for {@link #store}'s first candidate. */
    private VarState lastStored;

    ElementChunk(Class<?> arrayClass, int base, int length) {
        this.arrayClass = arrayClass;
        this.base = base;
        this.states = new VarState[length];
    }

    /**
     * Whether the access of element {@code i} (chunk-relative) by {@code t} would change nothing:
     * no lock, no allocation.
     */
    boolean isCurrent(ThreadState t, int i, boolean write) {
        VarState v = states[i];
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
        VarState old = states[i];
        long epoch = t.epoch();
        long kind = ((long) site << 1) | (write ? 1 : 0);
        // Transitions are memoized only from states t's clock covers: nothing in them can race with t,
        // so the new state is a function of the old one, the access and the epoch (the clock only grows
        // within an epoch, so a state covered once stays covered).
        boolean covered = old == null || old.onlyInSlotOf(t) || old.coveredBy(t);
        VarState memoized = covered ? transition(old, epoch, kind) : null;
        if (memoized != null) {
            states[i] = memoized;
            return;
        }
        VarState fresh = old == null ? new VarState(-1, arrayClass) : old.copy();
        fresh.setIndex(base + i);
        if (write) {
            detector.write(t, fresh, site);
        } else {
            detector.read(t, fresh, site);
        }
        VarState stored = old != null && fresh.sameAccesses(old) ? old : store(fresh, i);
        if (covered) {
            remember(old, stored, t.epoch(), kind); // the epoch the access got (its first gives t a slot)
        }
        states[i] = stored;
    }

    /** The memoized result of the access {@code kind} in {@code epoch} on state {@code from}, or {@code null}. */
    private VarState transition(VarState from, long epoch, long kind) {
        long[] epochs = transitionEpochs;
        if (epochs == null || epoch == 0) {
            return null;
        }
        for (int e = 0; e < epochs.length; e++) {
            if (epochs[e] == epoch && fromStates[e] == from && transitionKinds[e] == kind) {
                return toStates[e];
            }
        }
        return null;
    }

    private void remember(VarState from, VarState to, long epoch, long kind) {
        if (transitionEpochs == null) {
            int n = states.length >= LARGE ? TRANSITIONS : 1;
            fromStates = new VarState[n];
            toStates = new VarState[n];
            transitionEpochs = new long[n];
            transitionKinds = new long[n];
        }
        int e = nextTransition;
        fromStates[e] = from;
        toStates[e] = to;
        transitionEpochs[e] = epoch;
        transitionKinds[e] = kind;
        nextTransition = (e + 1) % transitionEpochs.length;
    }

    /** A state equal to {@code fresh} to share: the last one stored or a neighbor's; else {@code fresh}. */
    private VarState store(VarState fresh, int i) {
        if (isSame(lastStored, fresh)) {
            return lastStored;
        }
        VarState before = i > 0 ? states[i - 1] : null;
        if (isSame(before, fresh)) {
            return before;
        }
        VarState after = i + 1 < states.length ? states[i + 1] : null;
        if (isSame(after, fresh)) {
            return after;
        }
        lastStored = fresh;
        return fresh;
    }

    private static boolean isSame(VarState candidate, VarState fresh) {
        return candidate != null && candidate.sameAccesses(fresh);
    }

    /** Distinct states in use, for tests: how compact the chunk is. */
    synchronized int distinctStates() {
        IdentityHashMap<VarState, Boolean> seen = new IdentityHashMap<>();
        for (VarState v : states) {
            if (v != null) {
                seen.put(v, Boolean.TRUE);
            }
        }
        return seen.size();
    }
}
