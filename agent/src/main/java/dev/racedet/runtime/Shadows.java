package dev.racedet.runtime;

import dev.racedet.runtime.engine.Detector;
import dev.racedet.runtime.engine.SyncClock;
import dev.racedet.runtime.engine.ThreadState;
import dev.racedet.runtime.engine.VarState;

/**
 * Where the detector's state for program objects lives: instance fields in shadow fields of their
 * declaring class when it has them ({@link ShadowFields}), otherwise in a weak identity side table;
 * synchronization locations (volatile fields, atomically accessed fields and array elements) by
 * object and offset in that side table, off-heap ones by address; monitor clocks in a weak identity
 * table; static fields and class initializations in arrays indexed by their id.
 */
final class Shadows {
    private final WeakIdentityTable<ObjectShadow> objects = new WeakIdentityTable<>();
    private final ShadowFields shadowFields = new ShadowFields();
    private final WeakIdentityTable<SyncClock> monitors = new WeakIdentityTable<>();
    private final HookStateArray<VarState> statics = new HookStateArray<>(VarState::new);
    private final HookStateArray<SyncClock> staticVolatiles = new HookStateArray<>(id -> new SyncClock());
    private final HookStateArray<SyncClock> classInits = new HookStateArray<>(id -> new SyncClock());
    private final FieldOffsets offsets = new FieldOffsets();
    /** Locations addressed without an object (off-heap memory), by address. */
    private final ObjectShadow offHeap = new ObjectShadow();
    private final SyncClock fences = new SyncClock();

    /** The state of an instance field, wherever it lives. */
    VarState field(Object owner, int fieldId) {
        if (Registry.hasShadowField(fieldId)) {
            VarState state = shadowFields.stateOf(owner, fieldId);
            if (state != null) {
                return state;
            }
        }
        return objects.computeIfAbsent(owner, Shadows::newObjectShadow).var(fieldId);
    }

    /**
     * The first access of instance field {@code fieldId} of {@code owner}, whose shadow field held
     * {@code seen} (empty, or a clone's copy): installs a new state that already records the access
     * ({@link Detector#firstAccess}). False if the field has no reachable shadow, or another state was
     * installed meanwhile; the caller then takes the ordinary path.
     */
    boolean installFirst(ThreadState t, Object owner, VarState seen, int fieldId, int siteId, boolean write) {
        ShadowFields.Shadow shadow = Registry.hasShadowField(fieldId) ? shadowFields.shadow(owner, fieldId) : null;
        if (shadow == null) {
            return false;
        }
        VarState fresh = new VarState(fieldId, owner);
        return Engine.DETECTOR.firstAccess(t, fresh, siteId, write) && shadow.compareAndSet(owner, seen, fresh);
    }

    /**
     * The state of an instance field whose shadow field the declaring class's own code just read:
     * {@code shadow} when it is there and belongs to {@code owner} (not to the original of a clone),
     * otherwise installed now.
     */
    VarState field(Object owner, VarState shadow, int fieldId) {
        return shadow != null && shadow.owner == owner ? shadow : field(owner, fieldId);
    }

    VarState staticField(int fieldId) {
        return statics.get(fieldId);
    }

    /** The clock of volatile field {@code fieldId} of {@code owner}, created if needed (a release). */
    SyncClock volatileField(Object owner, int fieldId) {
        return location(owner, offsets.keyOf(owner.getClass(), fieldId));
    }

    /** The same, or {@code null} if nothing was ever released there (an acquire has nothing to do). */
    SyncClock findVolatileField(Object owner, int fieldId) {
        return findLocation(owner, offsets.keyOf(owner.getClass(), fieldId));
    }

    /**
     * The clock of the location at {@code offset} in {@code base} (an object or array; {@code null}:
     * {@code offset} is an address), created if needed.
     */
    SyncClock location(Object base, long offset) {
        ObjectShadow shadow = base == null ? offHeap : objects.computeIfAbsent(base, Shadows::newObjectShadow);
        return shadow.location(offset);
    }

    /** The same, or {@code null} if nothing was ever released there. */
    SyncClock findLocation(Object base, long offset) {
        ObjectShadow shadow = base == null ? offHeap : objects.get(base);
        return shadow == null ? null : shadow.findLocation(offset);
    }

    /** The one clock of every fence (fences have no location; see {@code AtomicHooks}). */
    SyncClock fences() {
        return fences;
    }

    SyncClock staticVolatile(int fieldId) {
        return staticVolatiles.get(fieldId);
    }

    /** The clock of the monitor of {@code lock} ({@code synchronized}, wait). */
    SyncClock monitor(Object lock) {
        return monitors.computeIfAbsent(lock, Shadows::newSyncClock);
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
