package dev.racedet.runtime;

import dev.racedet.runtime.engine.SyncClock;
import dev.racedet.runtime.engine.VarState;
import java.util.Arrays;

/**
 * The shadow of one object: a {@link VarState} per plain field and a {@link SyncClock} per
 * synchronization location (a volatile field or a location accessed atomically, keyed by its
 * offset in the object, an array element's included) that has been released. Objects have few
 * plain fields, so a linear scan of a copy-on-write array beats any map; locations are kept in a
 * small open-addressing table (an atomic array may have many). Lookups take no lock.
 */
final class ObjectShadow {
    private static final VarState[] NO_VARS = new VarState[0];
    private volatile VarState[] vars = NO_VARS;
    private volatile Locations locations = Locations.EMPTY;

    VarState var(int fieldId) {
        for (VarState v : vars) {
            if (v.fieldId == fieldId) {
                return v;
            }
        }
        return addVar(fieldId);
    }

    private synchronized VarState addVar(int fieldId) {
        VarState[] current = vars;
        for (VarState v : current) {
            if (v.fieldId == fieldId) {
                return v;
            }
        }
        VarState created = new VarState(fieldId);
        VarState[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = created;
        vars = grown;
        return created;
    }

    /** The clock of the location at {@code key}, or {@code null} if nothing was released there yet. */
    SyncClock findLocation(long key) {
        return locations.find(key);
    }

    /** The clock of the location at {@code key}, created if needed. */
    SyncClock location(long key) {
        SyncClock clock = locations.find(key);
        return clock != null ? clock : addLocation(key);
    }

    private synchronized SyncClock addLocation(long key) {
        Locations current = locations;
        SyncClock clock = current.find(key);
        if (clock == null) {
            clock = new SyncClock();
            if (!current.tryAdd(key, clock)) {
                locations = current.grown(key, clock);
            }
        }
        return clock;
    }

    /**
     * An open-addressing table from location key (never 0) to clock. Entries are added in place under
     * the shadow's lock and the table is replaced by a larger copy when half full; readers take no
     * lock. A reader may miss an entry being added concurrently: harmless, because an acquire only
     * needs the entries of releases that happen-before it, and the program's own synchronization
     * that orders them also makes the entry visible; a release that misses retries under the lock.
     */
    private static final class Locations {
        static final Locations EMPTY = new Locations(0);

        private final long[] keys;
        private final SyncClock[] clocks;
        private int size;

        private Locations(int capacity) {
            keys = new long[capacity];
            clocks = new SyncClock[capacity];
        }

        SyncClock find(long key) {
            int n = keys.length;
            if (n == 0) {
                return null;
            }
            SyncClock c;
            for (int i = index(key, n); (c = clocks[i]) != null; i = (i + 1) & (n - 1)) {
                if (keys[i] == key) {
                    return c;
                }
            }
            return null;
        }

        /** Adds the absent {@code key} in place if the table stays at most half full. */
        boolean tryAdd(long key, SyncClock clock) {
            if ((size + 1) * 2 > keys.length) {
                return false;
            }
            put(key, clock);
            size++;
            return true;
        }

        /** A larger copy with {@code key} added. */
        Locations grown(long key, SyncClock clock) {
            Locations bigger = new Locations(Math.max(4, keys.length * 2));
            for (int i = 0; i < keys.length; i++) {
                if (clocks[i] != null) {
                    bigger.put(keys[i], clocks[i]);
                }
            }
            bigger.put(key, clock);
            bigger.size = size + 1;
            return bigger;
        }

        private void put(long key, SyncClock clock) {
            int n = keys.length;
            int i = index(key, n);
            while (clocks[i] != null) {
                i = (i + 1) & (n - 1);
            }
            keys[i] = key; // before the clock: a reader that sees the clock stops probing there
            clocks[i] = clock;
        }

        private static int index(long key, int n) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 32) & (n - 1);
        }
    }
}
