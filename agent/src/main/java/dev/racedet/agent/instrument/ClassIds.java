package dev.racedet.agent.instrument;

import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Emits the ids of static fields and classes scoped by the real declaring class: the class constant
 * of the instruction's owner (accessible wherever the instruction itself is) and the name-keyed id go
 * to {@code Registry.staticFieldIdOf}/{@code classIdOf}, which return the id of the class the owner
 * resolves to. Pushes two slots at most above what it leaves. Where the class file may use
 * {@code invokedynamic}, the same lookup runs once per instruction instead ({@code IdLinks}), and the
 * id becomes a constant of the compiled code.
 */
final class ClassIds {
    static final String REGISTRY = "dev/racedet/runtime/Registry";
    static final String SCOPE = "(Ljava/lang/Class;I)I";
    private static final Handle ID_LINK = new Handle(Opcodes.H_INVOKESTATIC, "dev/racedet/runtime/IdLinks", "id",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
            + "Ljava/lang/String;I)Ljava/lang/invoke/CallSite;", false);

    private ClassIds() {
    }

    /** [..] -> [.. classId] for the class that {@code owner} resolves the name-keyed {@code classId} to. */
    static void push(MethodVisitor mv, String owner, int classId, boolean classConstants) {
        push(mv, owner, classId, classConstants, false);
    }

    /** The same, linked once per instruction when {@code dynamic} (class files of version 51 and later). */
    static void push(MethodVisitor mv, String owner, int classId, boolean classConstants, boolean dynamic) {
        scoped(mv, owner, classId, classConstants, dynamic, "classIdOf");
    }

    /** [..] -> [.. fieldId] for the static field that {@code owner} resolves the name-keyed {@code fieldId} to. */
    static void pushStaticField(MethodVisitor mv, String owner, int fieldId, boolean classConstants,
                                boolean dynamic) {
        scoped(mv, owner, fieldId, classConstants, dynamic, "staticFieldIdOf");
    }

    private static void scoped(MethodVisitor mv, String owner, int id, boolean classConstants, boolean dynamic,
                               String method) {
        if (!classConstants) {
            Hooks.pushInt(mv, id); // [..] -> [.. id]: old class files share the name-keyed id
            return;
        }
        if (dynamic) {
            // [..] -> [.. scopedId], computed by Registry.<method> at the instruction's first run
            mv.visitInvokeDynamicInsn(method, "()I", ID_LINK, owner.replace('/', '.'), id);
            return;
        }
        mv.visitLdcInsn(Type.getObjectType(owner));                             // [..] -> [.. Owner.class]
        Hooks.pushInt(mv, id);                                                  // -> [.. Owner.class id]
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, REGISTRY, method, SCOPE, false); // -> [.. scopedId]
    }
}
