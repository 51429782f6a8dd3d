package dev.racedet.runtime;

import static dev.racedet.runtime.Engine.DETECTOR;
import static dev.racedet.runtime.Engine.SHADOWS;

import dev.racedet.runtime.engine.ThreadState;
import dev.racedet.runtime.engine.VarState;

/**
 * Hooks of field instructions and class initialization: plain fields of checked classes become
 * access events (race candidates), volatile fields anywhere become acquire and release events on
 * their memory location (the same location {@link AtomicHooks} sees for {@code Unsafe} and
 * {@code VarHandle} access to that field). Every method is static, takes int ids computed at
 * instrumentation time and never throws.
 */
public final class FieldHooks {
    private FieldHooks() {
    }

    // Every access hook comes in two forms. Checked methods keep their thread's state in a local
    // (ContextVisitor) and pass it: the hook then tests FastTrack's same-epoch case first, with no
    // ThreadLocal lookup, no reentrancy guard and no call, small enough for the JIT to inline into
    // the access site. The forms without it (code whose method keeps no context) find the state
    // through the ThreadLocal. A stale or missing thread only sends the access to the full path.

    /** Before GETFIELD of a plain field, in code of a class other than the field's declaring class. */
    public static void read(Object owner, int fieldId, int siteId) {
        access(owner, NOT_READ, null, fieldId, siteId, false);
    }

    /** Before PUTFIELD of a plain field, in code of a class other than the field's declaring class. */
    public static void write(Object owner, int fieldId, int siteId) {
        access(owner, NOT_READ, null, fieldId, siteId, true);
    }

    /**
     * Before GETFIELD of a plain field, in code of the field's declaring class, which passes the
     * shadow field it read inline ({@code null} until the first access installs it).
     */
    public static void read(Object owner, VarState shadow, int fieldId, int siteId) {
        access(owner, shadow, null, fieldId, siteId, false);
    }

    /** Before PUTFIELD of a plain field, in code of the field's declaring class. */
    public static void write(Object owner, VarState shadow, int fieldId, int siteId) {
        access(owner, shadow, null, fieldId, siteId, true);
    }

    /**
     * Before GETFIELD of a plain field in a checked method, which passes the field's shadow state
     * ({@code null} until the first access installs it; read inline in the declaring class, through
     * {@link ShadowLinks} elsewhere) and its thread's state ({@code null} while it has none).
     */
    public static void read(Object owner, VarState shadow, Object thread, int fieldId, int siteId) {
        if (shadow == null || shadow.owner != owner || !(thread instanceof ThreadState t) || !shadow.readIsCurrent(t)) {
            access(owner, shadow, thread, fieldId, siteId, false);
        }
    }

    /** Before PUTFIELD of a plain field in a checked method: as {@link #read(Object, VarState, Object, int, int)}. */
    public static void write(Object owner, VarState shadow, Object thread, int fieldId, int siteId) {
        if (shadow == null || shadow.owner != owner || !(thread instanceof ThreadState t) || !shadow.writeIsCurrent(t)) {
            access(owner, shadow, thread, fieldId, siteId, true);
        }
    }

    /**
     * Stands for "the caller did not read the shadow field" (an access from a class that cannot see
     * it): never the content of a shadow field, so never installed over.
     */
    private static final VarState NOT_READ = new VarState(-1);

    /**
     * The full path. {@code shadow} is what the caller read from the field's shadow ({@link #NOT_READ}
     * if it did not): when that is empty, the access is the field's first one in this object and
     * installs a new state recording it, with no lock.
     */
    private static void access(Object owner, VarState shadow, Object thread, int fieldId, int siteId, boolean write) {
        if (owner == null) {
            return; // the instruction throws NullPointerException: no access
        }
        ThreadState t = null;
        try {
            t = Engine.enter(thread);
            if (t != null) {
                if (shadow != NOT_READ && (shadow == null || shadow.owner != owner)
                        && (write || !t.optimisticReads) && SHADOWS.installFirst(t, owner, shadow, fieldId, siteId, write)) {
                    return;
                }
                VarState v = SHADOWS.field(owner, shadow == NOT_READ ? null : shadow, fieldId);
                if (!write && t.optimisticReads) {
                    tentative(t, v, siteId);
                } else {
                    record(t, v, siteId, write);
                }
            }
        } catch (Throwable e) {
            InternalErrors.record(write ? "write hook" : "read hook", e);
        } finally {
            Engine.exit(t);
        }
    }

    /** After GETSTATIC of a plain static field declared by class {@code classId}. */
    public static void readStatic(int fieldId, int siteId, int classId) {
        staticAccess(null, fieldId, siteId, classId, false);
    }

    /** After GETSTATIC of a plain static field, in a checked method that passes its thread's state. */
    public static void readStatic(Object thread, int fieldId, int siteId, int classId) {
        if (!(thread instanceof ThreadState t) || !t.hasSeenClass(classId) || !SHADOWS.staticField(fieldId).readIsCurrent(t)) {
            staticAccess(thread, fieldId, siteId, classId, false);
        }
    }

    /** After PUTSTATIC of a plain static field declared by class {@code classId}. */
    public static void writeStatic(int fieldId, int siteId, int classId) {
        staticAccess(null, fieldId, siteId, classId, true);
    }

    /** After PUTSTATIC of a plain static field, in a checked method that passes its thread's state. */
    public static void writeStatic(Object thread, int fieldId, int siteId, int classId) {
        if (!(thread instanceof ThreadState t) || !t.hasSeenClass(classId) || !SHADOWS.staticField(fieldId).writeIsCurrent(t)) {
            staticAccess(thread, fieldId, siteId, classId, true);
        }
    }

    private static void staticAccess(Object thread, int fieldId, int siteId, int classId, boolean write) {
        ThreadState t = null;
        try {
            t = Engine.enter(thread);
            if (t != null) {
                useClass(t, classId);
                VarState v = SHADOWS.staticField(fieldId);
                record(t, v, siteId, write);
            }
        } catch (Throwable e) {
            InternalErrors.record(write ? "static write hook" : "static read hook", e);
        } finally {
            Engine.exit(t);
        }
    }

    /** The access event itself, then the reports it produced. */
    private static void record(ThreadState t, VarState v, int siteId, boolean write) {
        if (write) {
            DETECTOR.write(t, v, siteId);
        } else {
            DETECTOR.read(t, v, siteId);
        }
        Engine.printPending(t);
    }

    // ---- StampedLock optimistic reads ---------------------------------------------------------

    /**
     * After {@code tryOptimisticRead()} in checked code returned {@code stamp}. A zero stamp (a writer
     * holds the lock) starts a section too: {@code validate(0)} always fails, so what is read before
     * it is discarded just the same.
     */
    public static void optimisticReadStarted(long stamp) {
        ThreadState t = Engine.THREADS.currentOrBusy();
        if (t != null && !t.insideRacedet) {
            t.optimisticReads = true;
            t.tentativeCount = 0;
        }
    }

    /** Before any other {@code StampedLock} call in checked code (a lock, a conversion, ...). */
    public static void optimisticReadEnded() {
        ThreadState t = Engine.THREADS.currentOrBusy();
        if (t != null && !t.insideRacedet) {
            t.optimisticReads = false;
            t.tentativeCount = 0;
        }
    }

    /**
     * Replaces {@code lock.validate(stamp)} in checked code. If it succeeds, each of the section's
     * tentative reads is checked against the write it saw (a write made without the lock is
     * reported); the reads are not recorded, since no later write can race with a value that was
     * validated before it (a write-locker invalidates the stamp). If it fails, they are discarded, as
     * the program discards their values.
     */
    public static boolean validate(java.util.concurrent.locks.StampedLock lock, long stamp) {
        boolean valid = lock.validate(stamp);
        ThreadState t = null;
        try {
            t = Engine.enter();
            if (t != null && t.optimisticReads) {
                t.optimisticReads = false;
                if (valid) {
                    for (int i = 0; i < t.tentativeCount; i++) {
                        DETECTOR.checkRead(t, t.tentativeReads[i], t.tentativeSites[i], t.tentativeWrites[i]);
                    }
                    Engine.printPending(t);
                }
                if (t.tentativeReads != null) {
                    java.util.Arrays.fill(t.tentativeReads, null);
                }
                t.tentativeCount = 0;
            }
        } catch (Throwable e) {
            InternalErrors.record("optimistic read hook", e);
        } finally {
            Engine.exit(t);
        }
        return valid;
    }

    /** Keeps a tentative read; reads past the buffer's size are not checked. */
    private static void tentative(ThreadState t, VarState v, int siteId) {
        if (t.tentativeReads == null) {
            t.makeTentativeBuffers();
        }
        if (t.tentativeCount < ThreadState.TENTATIVE_READS) {
            t.tentativeReads[t.tentativeCount] = v;
            t.tentativeSites[t.tentativeCount] = siteId;
            t.tentativeWrites[t.tentativeCount] = v.writeEpoch();
            t.tentativeCount++;
        }
    }

    // ---- JDK collections used from checked code ------------------------------------------------

    /** Before a call from checked code to a method of a JDK collection, at site {@code siteId}. */
    public static void collectionCall(int siteId) {
        ThreadState t = Engine.THREADS.currentOrBusy();
        if (t != null && !t.insideRacedet) {
            t.collectionSite = siteId;
        }
    }

    /** {@link #collectionCall(int)} in a checked method that passes its thread's state ({@code null}: find it). */
    public static void collectionCall(Object thread, int siteId) {
        if (thread instanceof ThreadState t) {
            if (!t.insideRacedet) {
                t.collectionSite = siteId;
            }
        } else {
            collectionCall(siteId);
        }
    }

    /** {@link #collectionReturned()} in a checked method that passes its thread's state. */
    public static void collectionReturned(Object thread) {
        if (thread instanceof ThreadState t) {
            if (!t.insideRacedet) {
                t.collectionSite = -1;
            }
        } else {
            collectionReturned();
        }
    }

    /** After that call returned. */
    public static void collectionReturned() {
        ThreadState t = Engine.THREADS.currentOrBusy();
        if (t != null && !t.insideRacedet) {
            t.collectionSite = -1;
        }
    }

    /**
     * Before GETFIELD of a plain field of a JDK collection, in JDK code: checked only inside a
     * collection call from checked code, and reported at that call's site.
     */
    public static void jdkRead(Object owner, int jdkFieldId) {
        jdkAccess(owner, jdkFieldId, false);
    }

    /** Before PUTFIELD of a plain field of a JDK collection, in JDK code. */
    public static void jdkWrite(Object owner, int jdkFieldId) {
        jdkAccess(owner, jdkFieldId, true);
    }

    private static void jdkAccess(Object owner, int jdkFieldId, boolean write) {
        if (owner == null) {
            return;
        }
        ThreadState t = null;
        try {
            t = Engine.enter();
            if (t != null && t.collectionSite >= 0) {
                VarState v = SHADOWS.field(owner, null, JdkFields.fieldId(jdkFieldId));
                record(t, v, t.collectionSite, write);
            }
        } catch (Throwable e) {
            InternalErrors.record(write ? "collection write hook" : "collection read hook", e);
        } finally {
            Engine.exit(t);
        }
    }

    // ---- plain accesses by location: VarHandle plain modes, plain Unsafe ------------------------

    /**
     * Before a call of a plain {@code VarHandle} access mode ({@code get}, {@code set}) in checked
     * code, at site {@code siteId}: the field or element the JDK's implementation then accesses is
     * checked and reported there (see {@link PlainAccesses}).
     */
    public static void varHandleCall(int siteId) {
        PlainAccesses.varHandleCall(siteId);
    }

    /** After that call returned. */
    public static void varHandleReturned() {
        PlainAccesses.varHandleReturned();
    }

    /**
     * In the JDK's {@code VarHandle} implementation of a plain field access, before its
     * {@code Unsafe} call on {@code holder} at {@code offset}: checked only inside a marked call.
     */
    public static void varHandleField(Object holder, long offset, boolean write) {
        PlainAccesses.varHandleField(holder, offset, write);
    }

    /** In the JDK's {@code VarHandle} implementation of a plain array access, before the element access. */
    public static void varHandleElement(Object array, int index, boolean write) {
        PlainAccesses.varHandleElement(array, index, write);
    }

    /** Before a plain {@code Unsafe} read ({@code getInt(Object, long)}, ...) in checked code. */
    public static void unsafeRead(Object base, long offset, int siteId) {
        PlainAccesses.unsafe(base, offset, siteId, false);
    }

    /** Before a plain {@code Unsafe} write ({@code putInt(Object, long, int)}, ...) in checked code. */
    public static void unsafeWrite(Object base, long offset, int siteId) {
        PlainAccesses.unsafe(base, offset, siteId, true);
    }

    // ---- volatile fields ----------------------------------------------------------------------

    /** After GETFIELD of a volatile field: acquires what writers of that location released. */
    public static void volatileRead(Object owner, int fieldId) {
        if (owner != null) {
            SyncEvents.acquire(SyncEvents.FIELD, owner, fieldId);
        }
    }

    /** Before PUTFIELD of a volatile field. */
    public static void volatileWrite(Object owner, int fieldId) {
        if (owner != null) {
            SyncEvents.release(SyncEvents.FIELD, owner, fieldId);
        }
    }

    /**
     * {@link #volatileRead(Object, int)} in a checked method that passes its thread's state: a read
     * of a location whose clock the thread already holds in full (it acquired it since the last
     * release there) costs a lookup in the thread's {@link LocationCache} and a compare.
     */
    public static void volatileRead(Object owner, Object thread, int fieldId) {
        if (owner != null && !(thread instanceof ThreadState t && LocationCache.holdsAll(t, owner, fieldId))) {
            SyncEvents.acquire(SyncEvents.FIELD, owner, fieldId, thread);
        }
    }

    /** {@link #volatileWrite(Object, int)} in a checked method that passes its thread's state. */
    public static void volatileWrite(Object owner, Object thread, int fieldId) {
        if (owner != null) {
            SyncEvents.release(SyncEvents.FIELD, owner, fieldId, thread);
        }
    }

    /** {@link #volatileRead} in JDK code, which names the field by its {@link JdkFields} id. */
    public static void jdkVolatileRead(Object owner, int jdkFieldId) {
        if (owner != null) {
            volatileRead(owner, JdkFields.fieldIdOutsideGuard(jdkFieldId));
        }
    }

    /** {@link #volatileWrite} in JDK code. */
    public static void jdkVolatileWrite(Object owner, int jdkFieldId) {
        if (owner != null) {
            volatileWrite(owner, JdkFields.fieldIdOutsideGuard(jdkFieldId));
        }
    }

    /** {@link #volatileReadStatic} in JDK code (no class use: JDK statics are not checked). */
    public static void jdkVolatileReadStatic(int jdkFieldId) {
        volatileReadStatic(JdkFields.fieldIdOutsideGuard(jdkFieldId), -1);
    }

    /** {@link #volatileWriteStatic} in JDK code. */
    public static void jdkVolatileWriteStatic(int jdkFieldId) {
        volatileWriteStatic(JdkFields.fieldIdOutsideGuard(jdkFieldId));
    }

    /** After GETSTATIC of a volatile static field declared by class {@code classId} (-1: none to use). */
    public static void volatileReadStatic(int fieldId, int classId) {
        if (classId >= 0) {
            classUse(classId);
        }
        SyncEvents.acquire(SyncEvents.STATIC, null, fieldId);
    }

    /** {@link #volatileReadStatic(int, int)} in a checked method that passes its thread's state. */
    public static void volatileReadStatic(Object thread, int fieldId, int classId) {
        if (!(thread instanceof ThreadState t) || !t.hasSeenClass(classId)
                || !SHADOWS.staticVolatile(fieldId).holdsAll(t)) {
            volatileReadStatic(fieldId, classId);
        }
    }

    /** Before PUTSTATIC of a volatile static field (the class use is recorded after it). */
    public static void volatileWriteStatic(int fieldId) {
        SyncEvents.release(SyncEvents.STATIC, null, fieldId);
    }

    // ---- class initialization -----------------------------------------------------------------

    /** Before each return of the static initializer of class {@code classId}. */
    public static void classInitialized(int classId) {
        SyncEvents.release(SyncEvents.CLASS_INIT, null, classId);
    }

    /** After an instruction that needs class {@code classId} initialized (e.g. GETSTATIC of a final). */
    public static void classUse(int classId) {
        ThreadState t = null;
        try {
            t = Engine.enter();
            if (t != null) {
                useClass(t, classId);
            }
        } catch (Throwable e) {
            InternalErrors.record("class use hook", e);
        } finally {
            Engine.exit(t);
        }
    }

    /** {@link #classUse(int)} in a checked method that passes its thread's state: a bit test when seen. */
    public static void classUse(Object thread, int classId) {
        if (!(thread instanceof ThreadState t) || !t.hasSeenClass(classId)) {
            classUse(classId);
        }
    }

    private static void useClass(ThreadState t, int classId) {
        if (!t.hasSeenClass(classId)) {
            DETECTOR.classUsed(t, classId, SHADOWS.classInit(classId));
        }
    }
}
