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
 */
final class ShadowFields {
    private static final Object UNREACHABLE = new Object();
    private static final String PREFIX = "racedet$";

    /** Per field id: the handles by class of the accessed object. */
    private final StateArray<Handles> handles = new StateArray<>(Handles::new);

    /** The state of {@code fieldId} of {@code owner}, or {@code null} if its shadow is unreachable. */
    VarState stateOf(Object owner, int fieldId) {
        VarHandle handle = handles.get(fieldId).of(owner.getClass());
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

    /**
     * The shadow handles of one field id, by class of the accessed object: a {@link ClassValue}, so
     * the lookup takes no lock, allocates nothing once computed, and keeps no class loader alive.
     */
    private static final class Handles extends ClassValue<Object> {
        private final int fieldId;

        Handles(int fieldId) {
            this.fieldId = fieldId;
        }

        VarHandle of(Class<?> type) {
            Object h = get(type);
            return h == UNREACHABLE ? null : (VarHandle) h;
        }

        @Override
        protected Object computeValue(Class<?> type) {
            Registry.Field field = Registry.field(fieldId);
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
}
