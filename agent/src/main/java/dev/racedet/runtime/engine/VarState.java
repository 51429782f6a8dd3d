package dev.racedet.runtime.engine;

/**
 * FastTrack shadow state of one field of one object (or one static field): the epoch of the last
 * write, and the last read as an epoch or, once reads are concurrent, as one clock per thread.
 * Each access also keeps the site id of the instruction that made it and who made it, so both source
 * lines and both threads of a race are known without capturing stacks on the hot path (a slot may
 * have had several threads by then).
 *
 * <p>The same-epoch checks read {@link #write} and {@link #read} without a lock: a stale value only
 * sends the caller to the locked slow path, because an epoch equal to the current thread's epoch can
 * only have been written by that thread.
 */
public final class VarState {
    /** Marks {@link #read} as "see {@link #readClocks}". */
    static final long READ_SHARED = -1L;

    /** The field this state shadows. */
    public final int fieldId;
    /**
     * The object whose field this is, when the state lives in a shadow field of that object;
     * {@code null} for static fields and side-table states (which must not keep their key alive).
     * A clone copies its original's shadow fields, so a state whose owner is not the object it was
     * read from belongs to the original and must be replaced, not shared. For an array element's
     * state: the array's class (reports name the array by it when the access site does not know the
     * field the array came from).
     */
    public final Object owner;
    long write = Epoch.NONE;
    int writeSite;
    /** Who made the last write; {@code null} while {@link #write} is {@link Epoch#NONE}. */
    ThreadIdentity writeBy;
    long read = Epoch.NONE;
    int readSite;
    ThreadIdentity readBy;
    /**
     * Odd while a change under this state's lock could lose a read recorded without the lock
     * ({@link Detector}'s shared-read path): a write about to clear the read clocks, or the read
     * arrays about to be replaced by larger ones. Changed only under the lock.
     */
    volatile int version;
    /** Once reads are concurrent: per slot, the clock, site and thread of the last read. */
    long[] readClocks;
    int[] readSites;
    ThreadIdentity[] readers;
    /** Free for the {@link RaceListener}: the last race it recorded here, to count repeats cheaply. */
    public Object raceHint;
    /**
     * For an array element's state, the index of the element the detector is looking at plus one
     * (set by the array shadow before each detector call, read by the {@link RaceListener}); 0 for a
     * field. Starts at its default value, so that states published by a data race (static fields'
     * states, see {@code HookStateArray}) are seen as constructed.
     */
    private int indexPlusOne;

    /** The array element index the detector is looking at, or -1 for a field. */
    public int index() {
        return indexPlusOne - 1;
    }

    /** Sets {@link #index()} (array shadows, under the lock that guards this state). */
    public void setIndex(int index) {
        indexPlusOne = index + 1;
    }

    public VarState(int fieldId) {
        this(fieldId, null);
    }

    public VarState(int fieldId, Object owner) {
        this.fieldId = fieldId;
        this.owner = owner;
    }

    /**
     * A copy of this state (its own read arrays, same race hint) for an array shadow, which never
     * mutates a state that several elements share: it runs the detector on a copy and stores the
     * result. The caller must hold whatever lock guards this state's changes.
     */
    public VarState copy() {
        VarState c = new VarState(fieldId, owner);
        c.write = write;
        c.writeSite = writeSite;
        c.writeBy = writeBy;
        c.read = read;
        c.readSite = readSite;
        c.readBy = readBy;
        if (readClocks != null) {
            c.readClocks = readClocks.clone();
            c.readSites = readSites.clone();
            c.readers = readers.clone();
        }
        c.raceHint = raceHint;
        return c;
    }

    /** Whether {@code other} records exactly the same accesses (sites and threads included). */
    public boolean sameAccesses(VarState other) {
        return write == other.write && writeSite == other.writeSite && writeBy == other.writeBy
                && read == other.read && readSite == other.readSite && readBy == other.readBy
                && java.util.Arrays.equals(readClocks, other.readClocks)
                && java.util.Arrays.equals(readSites, other.readSites)
                && sameReaders(readers, other.readers);
    }

    /** Element by element, by identity ({@code Arrays.equals} would call {@code equals}). */
    private static boolean sameReaders(ThreadIdentity[] a, ThreadIdentity[] b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The detector's same-epoch test, without a lock: true if a write by {@code t} now would change
     * nothing. A stale view only answers false.
     */
    public boolean writeIsCurrent(ThreadState t) {
        return write == t.epoch;
    }

    /** Same for a read by {@code t}. */
    public boolean readIsCurrent(ThreadState t) {
        long e = t.epoch;
        long r = read;
        if (r == e) {
            return true;
        }
        if (r == READ_SHARED) {
            long[] clocks = readClocks;
            int s = t.slot;
            return clocks != null && s >= 0 && s < clocks.length && clocks[s] == Epoch.clock(e);
        }
        return false;
    }

    /**
     * Whether every access recorded here was made in {@code t}'s current slot (or none was): then
     * {@code t}'s clock covers them all, no access of {@code t} can race with them, and the state
     * an access leaves does not depend on what else {@code t}'s clock knows.
     */
    public boolean onlyInSlotOf(ThreadState t) {
        int s = t.slot;
        return s >= 0 && read != READ_SHARED
                && (write == Epoch.NONE || Epoch.slot(write) == s)
                && (read == Epoch.NONE || Epoch.slot(read) == s);
    }

    /**
     * Whether {@code t}'s clock covers every access recorded here (or none was): no access of
     * {@code t} can race with them, and the state an access of {@code t} leaves depends only on this
     * state, the access and {@code t}'s epoch. The caller holds the lock that guards this state's
     * changes, or the state is immutable.
     */
    public boolean coveredBy(ThreadState t) {
        if (!t.clock.covers(write)) {
            return false;
        }
        if (read != READ_SHARED) {
            return t.clock.covers(read);
        }
        long[] clocks = readClocks;
        for (int u = 0; u < clocks.length; u++) {
            if (clocks[u] > t.clock.get(u)) {
                return false;
            }
        }
        return true;
    }

    /** The epoch of the last write (read without a lock: a snapshot). */
    public long writeEpoch() {
        return write;
    }
}
