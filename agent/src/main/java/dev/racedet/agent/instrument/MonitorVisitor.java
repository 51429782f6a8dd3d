package dev.racedet.agent.instrument;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * {@code synchronized} blocks: an acquire event right after MONITORENTER and a release event right
 * before every MONITOREXIT (javac's exception paths included), so no other thread can take the
 * monitor between the event and the real operation.
 */
final class MonitorVisitor extends MethodVisitor {
    private static final String OBJ = "(Ljava/lang/Object;)V";

    MonitorVisitor(MethodVisitor next) {
        super(Opcodes.ASM9, next);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode == Opcodes.MONITORENTER) {
            super.visitInsn(Opcodes.DUP);          // [lock] -> [lock lock]
            super.visitInsn(Opcodes.MONITORENTER); // -> [lock]
            Hooks.call(mv, "monitorEnter", OBJ);   // -> []
        } else if (opcode == Opcodes.MONITOREXIT) {
            super.visitInsn(Opcodes.DUP);          // [lock] -> [lock lock]
            Hooks.call(mv, "monitorExit", OBJ);    // -> [lock]
            super.visitInsn(Opcodes.MONITOREXIT);  // -> []
        } else {
            super.visitInsn(opcode);
        }
    }
}
