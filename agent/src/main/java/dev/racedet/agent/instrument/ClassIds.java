package dev.racedet.agent.instrument;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Emits the ids of static fields and classes scoped by the real declaring class: the class constant
 * of the instruction's owner (accessible wherever the instruction itself is) and the name-keyed id go
 * to {@code Registry.staticFieldIdOf}/{@code classIdOf}, which return the id of the class the owner
 * resolves to. Pushes two slots at most above what it leaves.
 */
final class ClassIds {
    static final String REGISTRY = "dev/racedet/runtime/Registry";
    static final String SCOPE = "(Ljava/lang/Class;I)I";

    private ClassIds() {
    }

    /** [..] -> [.. classId] for the class that {@code owner} resolves the name-keyed {@code classId} to. */
    static void push(MethodVisitor mv, String owner, int classId, boolean classConstants) {
        scoped(mv, owner, classId, classConstants, "classIdOf");
    }

    /** [..] -> [.. fieldId] for the static field that {@code owner} resolves the name-keyed {@code fieldId} to. */
    static void pushStaticField(MethodVisitor mv, String owner, int fieldId, boolean classConstants) {
        scoped(mv, owner, fieldId, classConstants, "staticFieldIdOf");
    }

    private static void scoped(MethodVisitor mv, String owner, int id, boolean classConstants, String method) {
        if (!classConstants) {
            Hooks.pushInt(mv, id); // [..] -> [.. id]: old class files share the name-keyed id
            return;
        }
        mv.visitLdcInsn(Type.getObjectType(owner));                             // [..] -> [.. Owner.class]
        Hooks.pushInt(mv, id);                                                  // -> [.. Owner.class id]
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, REGISTRY, method, SCOPE, false); // -> [.. scopedId]
    }
}
