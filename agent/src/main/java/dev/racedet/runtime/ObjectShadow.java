package dev.racedet.runtime;

import dev.racedet.runtime.engine.SyncClock;
import dev.racedet.runtime.engine.VarState;
import java.util.Arrays;

/**
 * The shadow of one object: a {@link VarState} per plain field and a {@link SyncClock} per volatile
 * field that has been accessed. Objects have few such fields, so a linear scan of a copy-on-write
 * array beats any map; lookups take no lock.
 */
final class ObjectShadow {
    private static final VarState[] NO_VARS = new VarState[0];
    private volatile VarState[] vars = NO_VARS;
    private volatile int[] volatileIds = new int[0];
    private volatile SyncClock[] volatileClocks = new SyncClock[0];

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

    SyncClock volatileClock(int fieldId) {
        int[] ids = volatileIds; // read before the clocks: addVolatile publishes the clocks first
        SyncClock[] clocks = volatileClocks;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == fieldId) {
                return clocks[i];
            }
        }
        return addVolatile(fieldId);
    }

    private synchronized SyncClock addVolatile(int fieldId) {
        int[] ids = volatileIds;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == fieldId) {
                return volatileClocks[i];
            }
        }
        SyncClock created = new SyncClock();
        SyncClock[] clocks = Arrays.copyOf(volatileClocks, ids.length + 1);
        clocks[ids.length] = created;
        int[] grownIds = Arrays.copyOf(ids, ids.length + 1);
        grownIds[ids.length] = fieldId;
        volatileClocks = clocks;
        volatileIds = grownIds;
        return created;
    }
}
