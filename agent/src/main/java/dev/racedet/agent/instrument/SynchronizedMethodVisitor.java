package dev.racedet.agent.instrument;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * {@code synchronized} methods, whose monitor the JVM takes and releases implicitly: an acquire
 * event at entry, a release event before every return, and a catch-all handler around the whole body
 * that records the release and rethrows, for exits by exception. The handler is registered last, so
 * the method's own handlers keep precedence.
 */
final class SynchronizedMethodVisitor extends MethodVisitor {
    private static final String OBJ = "(Ljava/lang/Object;)V";

    private final String owner;
    private final boolean isStatic;
    private final boolean writesFrames;
    private final Label bodyStart = new Label();
    private final Label bodyEnd = new Label();
    private final Label handler = new Label();

    SynchronizedMethodVisitor(MethodVisitor next, String owner, boolean isStatic, boolean writesFrames) {
        super(Opcodes.ASM9, next);
        this.owner = owner;
        this.isStatic = isStatic;
        this.writesFrames = writesFrames;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        pushMonitor();                           // [] -> [lock]
        Hooks.call(mv, "monitorEnter", OBJ);     // -> []
        super.visitLabel(bodyStart);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            pushMonitor();                       // [ret?] -> [ret? lock]
            Hooks.call(mv, "monitorExit", OBJ);  // -> [ret?]
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitLabel(bodyEnd);
        super.visitLabel(handler);
        if (writesFrames) {
            Object[] locals = isStatic ? new Object[0] : new Object[] {owner};
            super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
        }
        pushMonitor();                           // [t] -> [t lock]
        Hooks.call(mv, "monitorExit", OBJ);      // -> [t]
        super.visitInsn(Opcodes.ATHROW);
        super.visitTryCatchBlock(bodyStart, bodyEnd, handler, null);
        super.visitMaxs(Math.max(maxStack, 2), maxLocals);
    }

    /** The method's monitor: {@code this}, or the class object of a static method. */
    private void pushMonitor() {
        if (isStatic) {
            super.visitLdcInsn(Type.getObjectType(owner));
        } else {
            super.visitVarInsn(Opcodes.ALOAD, 0);
        }
    }
}
