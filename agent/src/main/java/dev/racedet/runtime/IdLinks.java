package dev.racedet.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Links an instruction's class-scoped id once: the bootstrap of an {@code invokedynamic ()I} that
 * stands for the id of a static field or class as the instruction's class resolves it
 * ({@link Registry#staticFieldIdOf}, {@link Registry#classIdOf}). The site is bound to a constant, so
 * the compiled code carries the id as a literal instead of two lookups per access. Never throws: a
 * class that cannot be resolved here (the instruction itself will fail) gets the name-keyed id.
 */
public final class IdLinks {
    private IdLinks() {
    }

    /**
     * @param kind  {@code "staticFieldIdOf"} or {@code "classIdOf"}
     * @param owner the binary name of the class the instruction names
     * @param id    the name-keyed id
     */
    public static CallSite id(MethodHandles.Lookup caller, String kind, MethodType type, String owner, int id) {
        return new ConstantCallSite(MethodHandles.constant(int.class, scoped(caller, kind, owner, id)).asType(type));
    }

    private static int scoped(MethodHandles.Lookup caller, String kind, String owner, int id) {
        Class<?> c;
        boolean began = Racedet.beginInternal();
        try {
            c = caller.findClass(owner); // resolved as the instruction resolves it
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return id;
        } finally {
            Racedet.endInternal(began);
        }
        return kind.equals("classIdOf") ? Registry.classIdOf(c, id) : Registry.staticFieldIdOf(c, id);
    }
}
