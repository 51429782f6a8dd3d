package dev.racedet.runtime;

import dev.racedet.runtime.engine.SyncClock;
import dev.racedet.runtime.engine.ThreadState;

/**
 * Each thread's last volatile fields' clocks, by field id: a small direct-mapped cache in its
 * {@link ThreadState}, so that a flag read in a loop finds its clock without the field's offset
 * ({@code FieldOffsets}) and the object's side table. A field's clock never changes for the life of
 * its object, so an entry is right as long as it is there. Only clocks that exist are kept (a read
 * of a location nothing was released to looks again next time).
 *
 * <p>The cache holds its objects strongly: at most {@link #SIZE} per thread, dropped when the thread
 * terminates or overwritten by later fields, so what it keeps alive is bounded by the live threads.
 * Only the owning thread reads or writes its cache.
 */
final class LocationCache {
    /** Slots per thread: a power of two. */
    static final int SIZE = 16;

    private LocationCache() {
    }

    /** The clock of volatile field {@code fieldId} of {@code owner} if {@code t} has it cached, else {@code null}. */
    static SyncClock find(ThreadState t, Object owner, int fieldId) {
        Object[] owners = t.locationOwners;
        int slot = fieldId & (SIZE - 1);
        return owners != null && owners[slot] == owner && t.locationFields[slot] == fieldId
                ? t.locationClocks[slot] : null;
    }

    /** Whether {@code t} already holds everything released to that field (see {@link SyncClock#holdsAll}). */
    static boolean holdsAll(ThreadState t, Object owner, int fieldId) {
        SyncClock s = find(t, owner, fieldId);
        return s != null && s.holdsAll(t);
    }

    static void put(ThreadState t, Object owner, int fieldId, SyncClock clock) {
        if (t.isTerminated()) {
            return; // the JDK's exit code uses the thread's own object: kept here, it would never go
        }
        if (t.locationOwners == null) {
            t.locationOwners = new Object[SIZE];
            t.locationFields = new int[SIZE];
            t.locationClocks = new SyncClock[SIZE];
        }
        int slot = fieldId & (SIZE - 1);
        t.locationOwners[slot] = owner;
        t.locationFields[slot] = fieldId;
        t.locationClocks[slot] = clock;
    }

    /** Forgets {@code t}'s cached fields (the thread terminated): it keeps no object alive. */
    static void clear(ThreadState t) {
        t.locationOwners = null;
        t.locationFields = null;
        t.locationClocks = null;
    }
}
