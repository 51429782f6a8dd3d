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
 * open its package), the field falls back to the side table, for every access alike.
 */
final class ShadowFields {
    /** Per field id: the handle of its shadow field, {@link #UNREACHABLE}, or null before first use. */
    private final StateArray<Object[]> handles = new StateArray<>(id -> new Object[1]);
    private static final Object UNREACHABLE = new Object();
    private static final String PREFIX = "racedet$";

    /** The state of {@code fieldId} of {@code owner}, or {@code null} if its shadow is unreachable. */
    VarState stateOf(Object owner, int fieldId) {
        VarHandle handle = handle(owner, fieldId);
        if (handle == null) {
            return null;
        }
        while (true) {
            VarState current = (VarState) handle.getVolatile(owner);
            if (current != null && current.owner == owner) {
                return current;
            }
            VarState fresh = new VarState(fieldId, owner);
            if (handle.compareAndSet(owner, current, fresh)) {
                return fresh;
            }
        }
    }

    private VarHandle handle(Object owner, int fieldId) {
        Object[] slot = handles.get(fieldId);
        Object h = slot[0];
        if (h == null) {
            h = lookUp(owner.getClass(), Registry.field(fieldId));
            slot[0] = h; // benign race: every thread computes the same handle
        }
        return h == UNREACHABLE ? null : (VarHandle) h;
    }

    private static Object lookUp(Class<?> type, Registry.Field field) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(field.declaringClass())) {
                try {
                    return MethodHandles.privateLookupIn(c, MethodHandles.lookup())
                            .findVarHandle(c, PREFIX + field.name(), VarState.class);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return UNREACHABLE;
                }
            }
        }
        return UNREACHABLE;
    }
}
