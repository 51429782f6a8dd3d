package dev.racedet.runtime;

import dev.racedet.runtime.engine.VarState;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The states that live in shadow fields added to the field's declaring class at first load
 * ({@code private transient VarState racedet$name}). Code of the declaring class reads the shadow
 * inline and only comes here when it is still empty (or copied by {@code clone}); other classes come
 * here for every access. Either way this class installs the state with a compare-and-set, so every
 * access of the field meets the same state. If the shadow cannot be reached (a module that does not
 * open its package, a copy of the class that got no shadow), the field falls back to the side table,
 * for every access to objects of that class alike.
 *
 * <p>Field ids are keyed by name, so one id can stand for fields of several classes of that name
 * (one per class loader): the handle is looked up per class of the accessed object, never reused for
 * an object of another class.
 *
 * <p>This is the path of every new object's first access of each field, so the lookup of the handle
 * runs no JDK synchronization (racedet instruments it, and each use would run a hook): a plain array
 * by field id, then {@link ClassMemo}.
 */
final class ShadowFields {
    private static final Object UNREACHABLE = new Object();
    private static final String PREFIX = "racedet$";

    /** Per field id: the handles by class of the accessed object. */
    private final HookStateArray<Handles> handles = new HookStateArray<>(Handles::new);

    /** The state of {@code fieldId} of {@code owner}, or {@code null} if its shadow is unreachable. */
    VarState stateOf(Object owner, int fieldId) {
        Shadow shadow = shadow(owner, fieldId);
        if (shadow == null) {
            return null;
        }
        while (true) {
            VarState current = shadow.get(owner);
            if (current != null && current.owner == owner) {
                return current;
            }
            VarState fresh = new VarState(fieldId, owner);
            if (shadow.compareAndSet(owner, current, fresh)) {
                return fresh;
            }
        }
    }

    /**
     * The shadow field of {@code fieldId} in objects of {@code owner}'s class, or {@code null} if it
     * is unreachable.
     */
    Shadow shadow(Object owner, int fieldId) {
        return handles.get(fieldId).of(owner.getClass());
    }

    /**
     * One class's shadow field: by offset through {@link RawReferences} when it can, otherwise by
     * {@code VarHandle}. Final fields, so it may be shared without a lock.
     */
    static final class Shadow {
        private final VarHandle handle;
        private final long offset;

        Shadow(VarHandle handle, long offset) {
            this.handle = handle;
            this.offset = offset;
        }

        VarState get(Object owner) {
            return (VarState) (offset >= 0 ? RawReferences.getVolatile(owner, offset) : handle.getVolatile(owner));
        }

        /** Installs {@code fresh} if the shadow field of {@code owner} still holds {@code expected}. */
        boolean compareAndSet(Object owner, VarState expected, VarState fresh) {
            return offset >= 0 ? RawReferences.compareAndSet(owner, offset, expected, fresh)
                    : handle.compareAndSet(owner, expected, fresh);
        }
    }

    /**
     * The shadow handles of one field id, by class of the accessed object ({@link ClassMemo}).
     * Instances are published by a data race ({@link HookStateArray}): every field is final.
     */
    private static final class Handles {
        private final ClassMemo<Object> byClass;

        Handles(int fieldId) {
            ByClass compute = new ByClass(fieldId);
            this.byClass = new ClassMemo<>(compute::computeValue);
        }

        Shadow of(Class<?> type) {
            Object h = byClass.get(type);
            return h == UNREACHABLE ? null : (Shadow) h;
        }
    }

    /** Finds the shadow field of one field id in a class or its superclasses. */
    private static final class ByClass {
        private final int fieldId;

        ByClass(int fieldId) {
            this.fieldId = fieldId;
        }

        Object computeValue(Class<?> type) {
            Registry.Field field = Registry.field(fieldId);
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (c.getName().equals(field.declaringClass())) {
                    try {
                        String name = PREFIX + field.name();
                        VarHandle handle = MethodHandles.privateLookupIn(c, MethodHandles.lookup())
                                .findVarHandle(c, name, VarState.class);
                        return new Shadow(handle, RawReferences.offsetOf(c, name));
                    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                        return UNREACHABLE;
                    }
                }
            }
            return UNREACHABLE;
        }
    }
}
