package dev.racedet.agent.instrument;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The static initializer: before each RETURN, a release of the class's initialization clock, which
 * every other thread acquires at its first use of the class (JLS 12.4.2).
 */
final class ClassInitVisitor extends MethodVisitor {
    private final int classId;

    ClassInitVisitor(MethodVisitor next, int classId) {
        super(Opcodes.ASM9, next);
        this.classId = classId;
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode == Opcodes.RETURN) {
            Hooks.pushInt(mv, classId);                 // [] -> [cid]
            Hooks.call(mv, "classInitialized", "(I)V"); // -> []
        }
        super.visitInsn(opcode);
    }
}
