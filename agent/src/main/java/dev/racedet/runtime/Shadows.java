package dev.racedet.runtime;

import dev.racedet.runtime.engine.SyncClock;
import dev.racedet.runtime.engine.VarState;

/**
 * Where the detector's state for program objects lives: per-object field shadows and monitor clocks
 * in weak identity tables, static fields and class initializations in arrays indexed by their id.
 */
final class Shadows {
    private final WeakIdentityTable<ObjectShadow> objects = new WeakIdentityTable<>();
    private final WeakIdentityTable<SyncClock> monitors = new WeakIdentityTable<>();
    private final WeakIdentityTable<SyncClock> locks = new WeakIdentityTable<>();
    private final StateArray<VarState> statics = new StateArray<>(VarState::new);
    private final StateArray<SyncClock> staticVolatiles = new StateArray<>(id -> new SyncClock());
    private final StateArray<SyncClock> classInits = new StateArray<>(id -> new SyncClock());

    VarState field(Object owner, int fieldId) {
        return objects.computeIfAbsent(owner, Shadows::newObjectShadow).var(fieldId);
    }

    VarState staticField(int fieldId) {
        return statics.get(fieldId);
    }

    SyncClock volatileField(Object owner, int fieldId) {
        return objects.computeIfAbsent(owner, Shadows::newObjectShadow).volatileClock(fieldId);
    }

    SyncClock staticVolatile(int fieldId) {
        return staticVolatiles.get(fieldId);
    }

    /** The clock of the monitor of {@code lock} ({@code synchronized}, wait). */
    SyncClock monitor(Object lock) {
        return monitors.computeIfAbsent(lock, Shadows::newSyncClock);
    }

    /** The clock of a {@code java.util.concurrent.locks.Lock} object. */
    SyncClock lock(Object lock) {
        return locks.computeIfAbsent(lock, Shadows::newSyncClock);
    }

    SyncClock classInit(int classId) {
        return classInits.get(classId);
    }

    private static ObjectShadow newObjectShadow(Object key) {
        return new ObjectShadow();
    }

    private static SyncClock newSyncClock(Object key) {
        return new SyncClock();
    }
}
