package dev.racedet.runtime;

import dev.racedet.runtime.engine.VarState;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Links a checked class's accesses to a field another class declares straight to that field's shadow:
 * the access site is an {@code invokedynamic} whose bootstrap, here, finds the declaring class's
 * null-safe shadow accessor ({@code static VarState racedet$name(Declaring)}, added at its first
 * load) and binds the site to it for good, so the JIT compiles the lookup into one field load, as in
 * the declaring class's own code. Where there is no accessor to bind (the declaring class was loaded
 * before racedet, got no shadow, or sits in a module that does not open its package to racedet), the
 * site is bound to a constant {@code null}: the access hook then finds the state through the runtime
 * ({@link Shadows}), as before.
 *
 * <p>The bootstrap runs inside racedet's reentrancy guard, never throws, and runs no code of the
 * program: it loads (without initializing) the class the instruction names, as the instruction
 * itself does.
 */
public final class ShadowLinks {
    private static final MethodType SITE = MethodType.methodType(VarState.class, Object.class);
    private static final MethodHandle NONE =
            MethodHandles.dropArguments(MethodHandles.constant(VarState.class, null), 0, Object.class);

    private ShadowLinks() {
    }

    /**
     * Bootstrap of an access site's shadow lookup, of type {@code (Object)VarState}.
     *
     * @param caller    the class making the access
     * @param fieldName the field's name
     * @param owner     the binary name of the class the instruction names (the field's declaring class
     *                  or a subclass of it)
     * @param declaring the binary name of the field's declaring class
     */
    public static CallSite shadow(MethodHandles.Lookup caller, String fieldName, MethodType type, String owner,
                                  String declaring) {
        boolean began = Racedet.beginInternal();
        try {
            return new ConstantCallSite(accessor(caller, fieldName, owner, declaring).asType(type));
        } catch (Throwable e) {
            return new ConstantCallSite(NONE.asType(type));
        } finally {
            Racedet.endInternal(began);
        }
    }

    private static MethodHandle accessor(MethodHandles.Lookup caller, String fieldName, String owner,
                                         String declaring) {
        try {
            Class<?> c = caller.findClass(owner); // resolved as the instruction resolves it
            for (; c != null; c = c.getSuperclass()) {
                if (c.getName().equals(declaring)) {
                    MethodHandle accessor = MethodHandles.privateLookupIn(c, MethodHandles.lookup())
                            .findStatic(c, "racedet$" + fieldName, MethodType.methodType(VarState.class, c));
                    return accessor.asType(SITE);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // no accessor to bind to: the runtime finds the state
        }
        return NONE;
    }
}
