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
     * read from belongs to the original and must be replaced, not shared.
     */
    public final Object owner;
    long write = Epoch.NONE;
    int writeSite;
    /** Who made the last write; {@code null} while {@link #write} is {@link Epoch#NONE}. */
    ThreadIdentity writeBy;
    long read = Epoch.NONE;
    int readSite;
    ThreadIdentity readBy;
    /** Once reads are concurrent: per slot, the clock, site and thread of the last read. */
    long[] readClocks;
    int[] readSites;
    ThreadIdentity[] readers;
    /** Free for the {@link RaceListener}: the last race it recorded here, to count repeats cheaply. */
    public Object raceHint;

    public VarState(int fieldId) {
        this(fieldId, null);
    }

    public VarState(int fieldId, Object owner) {
        this.fieldId = fieldId;
        this.owner = owner;
    }
}
