package dev.racedet.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Runs a whole JDK method as an internal scope ({@link JdkInternalScopes}): {@code ScopeHooks.enter}
 * at the first instruction, its result kept in a fresh int local, and {@code ScopeHooks.exit} with it
 * before every return and in a catch-all handler (registered after the method's own) that rethrows.
 *
 * <p>This visitor must be the first of the chain (the one the class reader calls), so that every
 * later visitor sees the new local in the code and in the frames: each of the method's stack map
 * frames (expanded, as the transformer reads them) gets the local appended as an int.
 *
 * <p>The caller guarantees that {@code scopeLocal} is not used by the method (its original max locals)
 * and gives the other visitors that take fresh locals a start above it.
 */
final class InternalScopeVisitor extends MethodVisitor {
    private static final String ENTER = "()Z";
    private static final String EXIT = "(Z)V";

    private final int scopeLocal;
    private final boolean writesFrames;
    private final Label start = new Label();
    private final Label end = new Label();
    private final Label handler = new Label();

    /**
     * @param scopeLocal   the first local the method does not use
     * @param writesFrames whether the class has stack map frames (class files of Java 6 and later)
     */
    InternalScopeVisitor(MethodVisitor next, int scopeLocal, boolean writesFrames) {
        super(Opcodes.ASM9, next);
        this.scopeLocal = scopeLocal;
        this.writesFrames = writesFrames;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        Hooks.call(mv, Hooks.SCOPES, "enter", ENTER);        // [] -> [entered]
        super.visitVarInsn(Opcodes.ISTORE, scopeLocal);      // -> []
        super.visitLabel(start);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        if (type != Opcodes.F_NEW) {
            throw new IllegalStateException("internal scope needs expanded frames");
        }
        List<Object> locals = new ArrayList<>(numLocal + 1);
        int slots = 0;
        for (int i = 0; i < numLocal; i++) {
            locals.add(local[i]);
            slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
        }
        if (slots > scopeLocal) {
            throw new IllegalStateException("a frame uses local " + scopeLocal);
        }
        for (; slots < scopeLocal; slots++) {
            locals.add(Opcodes.TOP);
        }
        locals.add(Opcodes.INTEGER);
        super.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), numStack, stack);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            exitScope();                                     // [ret?] -> [ret?]
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitLabel(end);
        super.visitLabel(handler);
        if (writesFrames) {
            Object[] locals = new Object[scopeLocal + 1];
            java.util.Arrays.fill(locals, Opcodes.TOP);
            locals[scopeLocal] = Opcodes.INTEGER;
            super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
        }
        exitScope();                                         // [t] -> [t]
        super.visitInsn(Opcodes.ATHROW);
        super.visitTryCatchBlock(start, end, handler, null);
        super.visitMaxs(Math.max(maxStack + 1, 2), Math.max(maxLocals, scopeLocal + 1));
    }

    private void exitScope() {
        super.visitVarInsn(Opcodes.ILOAD, scopeLocal);       // [..] -> [.. entered]
        Hooks.call(mv, Hooks.SCOPES, "exit", EXIT);          // -> [..]
    }
}
