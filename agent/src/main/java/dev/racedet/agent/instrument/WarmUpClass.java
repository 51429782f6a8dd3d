package dev.racedet.agent.instrument;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A small class, generated and never loaded, that exercises every visitor of the pipeline and every
 * kind of field hook: plain fields with and without a shadow ({@code x<y>} cannot have an accessor),
 * volatile and static fields, a static final, a synchronized method, a {@code synchronized} block, a
 * join, a lock call and a static initializer (see {@link RacedetTransformer}'s warm-up).
 */
final class WarmUpClass {
    static final String NAME = "racedet/warmup/WarmUp";

    private WarmUpClass() {
    }

    static byte[] bytes() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, NAME, null, "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_PRIVATE, "plain", "I", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_VOLATILE, "flag", "Z", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "shared", "J", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_PRIVATE, "x<y>", "I", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_VOLATILE, "tick", "I", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "LIMIT", "I", null, 3).visitEnd();

        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNCHRONIZED, "run",
                "(Ljava/lang/Thread;Ljava/util/concurrent/locks/Lock;)V", null, new String[] {"java/lang/Exception"});
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitInsn(Opcodes.DUP);
        m.visitFieldInsn(Opcodes.GETFIELD, NAME, "plain", "I");
        m.visitFieldInsn(Opcodes.PUTFIELD, NAME, "plain", "I");
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitInsn(Opcodes.DUP);
        m.visitFieldInsn(Opcodes.GETFIELD, NAME, "flag", "Z");
        m.visitFieldInsn(Opcodes.PUTFIELD, NAME, "flag", "Z");
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitInsn(Opcodes.DUP);
        m.visitFieldInsn(Opcodes.GETFIELD, NAME, "x<y>", "I");
        m.visitFieldInsn(Opcodes.PUTFIELD, NAME, "x<y>", "I");
        m.visitFieldInsn(Opcodes.GETSTATIC, NAME, "tick", "I");
        m.visitFieldInsn(Opcodes.PUTSTATIC, NAME, "tick", "I");
        m.visitFieldInsn(Opcodes.GETSTATIC, NAME, "LIMIT", "I");
        m.visitInsn(Opcodes.POP);
        m.visitFieldInsn(Opcodes.GETSTATIC, NAME, "shared", "J");
        m.visitFieldInsn(Opcodes.PUTSTATIC, NAME, "shared", "J");
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitInsn(Opcodes.MONITORENTER);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitInsn(Opcodes.MONITOREXIT);
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Thread", "join", "()V", false);
        m.visitVarInsn(Opcodes.ALOAD, 2);
        m.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/concurrent/locks/Lock", "lock", "()V", true);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();

        MethodVisitor clinit = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        clinit.visitInsn(Opcodes.RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
