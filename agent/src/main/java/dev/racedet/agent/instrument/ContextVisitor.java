package dev.racedet.agent.instrument;

import dev.racedet.runtime.Registry;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Keeps the thread's calling context in a checked method ({@code ContextHooks}): enters it at the
 * first instruction, marks the call site before each call instruction, and restores the caller's
 * context before every return and, except in constructors, in a catch-all handler (registered after
 * the method's own) that rethrows. The thread state and the saved context live in two fresh locals.
 *
 * <p>Constructors get no handler: the verifier rejects a handler that covers the call to
 * {@code super(...)}. A constructor that throws leaves its context in place until the nearest
 * enclosing checked method returns, which restores its own (reports in between show extra frames).
 *
 * <p>This visitor must be the first of the chain (the one the class reader calls), so that every
 * later visitor sees the new locals in the code and in the frames: each of the method's stack map
 * frames (expanded, as the transformer reads them) gets the two locals appended. The caller
 * guarantees that {@code firstLocal} and {@code firstLocal + 1} are not used by the method and gives
 * the other visitors that take fresh locals a start above them.
 */
final class ContextVisitor extends MethodVisitor {
    static final String HOOKS = "dev/racedet/runtime/ContextHooks";
    private static final String THREAD = "()Ljava/lang/Object;";
    private static final String ENTER = "(Ljava/lang/Object;)I";
    private static final String CALL = "(Ljava/lang/Object;I)V";
    private static final String EXIT = "(Ljava/lang/Object;I)V";

    private final int threadLocal;
    private final int savedLocal;
    private final boolean handler;
    private final boolean writesFrames;
    private final String owner;
    private final String className;
    private final String method;
    private final String file;
    /** Covered ranges of the catch-all handler: the body, split at each return (see visitInsn). */
    private final List<Label[]> covered = new ArrayList<>();
    private Label start = new Label();
    /** Instructions passed on since {@link #start}: an empty range is illegal in a class file. */
    private int sinceStart;
    private final Label catchAll = new Label();
    private int line = -1;
    private int lineSite = -1;
    private int siteLine = Integer.MIN_VALUE;

    /**
     * @param firstLocal   the first local the method does not use
     * @param constructor  whether the method is a constructor (no catch-all handler)
     * @param writesFrames whether the class has stack map frames (class files of Java 6 and later)
     * @param owner        the internal name of the class when the handler's frame must describe
     *                     {@code this} in local 0 (a synchronized instance method), otherwise
     *                     {@code null}
     */
    ContextVisitor(MethodVisitor next, int firstLocal, boolean constructor, boolean writesFrames, String owner,
                   String className, String method, String file) {
        super(Opcodes.ASM9, next);
        this.threadLocal = firstLocal;
        this.savedLocal = firstLocal + 1;
        this.handler = !constructor;
        this.writesFrames = writesFrames;
        this.owner = owner;
        this.className = className;
        this.method = method;
        this.file = file;
    }

    /** Fresh locals this visitor takes. */
    static final int LOCALS = 2;

    @Override
    public void visitCode() {
        super.visitCode();
        Hooks.call(mv, HOOKS, "thread", THREAD);           // [] -> [t]
        super.visitInsn(Opcodes.DUP);                      // -> [t t]
        super.visitVarInsn(Opcodes.ASTORE, threadLocal);   // -> [t]
        Hooks.call(mv, HOOKS, "enter", ENTER);             // -> [saved]
        super.visitVarInsn(Opcodes.ISTORE, savedLocal);    // -> []
        super.visitLabel(start);
        sinceStart = 1; // the entry code itself is covered: harmless, and the range is never empty
    }

    @Override
    public void visitLineNumber(int lineNumber, Label startLabel) {
        line = lineNumber;
        super.visitLineNumber(lineNumber, startLabel);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        if (type != Opcodes.F_NEW) {
            throw new IllegalStateException("calling contexts need expanded frames");
        }
        List<Object> locals = new ArrayList<>(numLocal + LOCALS);
        int slots = 0;
        for (int i = 0; i < numLocal; i++) {
            locals.add(local[i]);
            slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
        }
        if (slots > threadLocal) {
            throw new IllegalStateException("a frame uses local " + threadLocal);
        }
        for (; slots < threadLocal; slots++) {
            locals.add(Opcodes.TOP);
        }
        locals.add("java/lang/Object");
        locals.add(Opcodes.INTEGER);
        super.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), numStack, stack);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        markCall();
        sinceStart++;
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        markCall();
        sinceStart++;
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    /**
     * Before a return, the caller's context is restored. The handler's range stops there: later
     * visitors may expand the return into code that reuses low locals (a synchronized method keeps
     * the return value in local 1), which the handler's frame could not describe.
     */
    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            exitContext();                                 // [ret?] -> [ret?]
            endRange();
            super.visitInsn(opcode);
            start = new Label();
            super.visitLabel(start);
            sinceStart = 0;
            return;
        }
        sinceStart++;
        super.visitInsn(opcode);
    }

    private void endRange() {
        if (sinceStart > 0) {
            Label end = new Label();
            super.visitLabel(end);
            covered.add(new Label[] {start, end});
        }
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        sinceStart++;
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        sinceStart++;
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        sinceStart++;
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        sinceStart++;
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        sinceStart++;
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        sinceStart++;
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        sinceStart++;
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        sinceStart++;
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        sinceStart++;
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        sinceStart++;
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (handler && sinceStart > 0) {
            endRange();
        }
        if (handler && !covered.isEmpty()) {
            super.visitLabel(catchAll);
            if (writesFrames) {
                Object[] locals = new Object[threadLocal + LOCALS];
                java.util.Arrays.fill(locals, Opcodes.TOP);
                if (owner != null) {
                    // `this` stays described: a synchronized method's own handler covers this one and
                    // needs it (see SynchronizedMethodVisitor)
                    locals[0] = owner;
                }
                locals[threadLocal] = "java/lang/Object";
                locals[savedLocal] = Opcodes.INTEGER;
                super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            }
            exitContext();                                 // [t] -> [t]
            super.visitInsn(Opcodes.ATHROW);
            for (Label[] range : covered) {
                super.visitTryCatchBlock(range[0], range[1], catchAll, null);
            }
        }
        super.visitMaxs(Math.max(maxStack + 2, 3), Math.max(maxLocals, threadLocal + LOCALS));
    }

    /** Before a call: {@code ContextHooks.call(thread, site)}; one site per source line. */
    private void markCall() {
        if (siteLine != line) {
            siteLine = line;
            lineSite = Registry.callSiteId(className, method, file, line);
        }
        super.visitVarInsn(Opcodes.ALOAD, threadLocal);    // [..] -> [.. t]
        Hooks.pushInt(mv, lineSite);                       // -> [.. t site]
        Hooks.call(mv, HOOKS, "call", CALL);               // -> [..]
    }

    private void exitContext() {
        super.visitVarInsn(Opcodes.ALOAD, threadLocal);    // [..] -> [.. t]
        super.visitVarInsn(Opcodes.ILOAD, savedLocal);     // -> [.. t saved]
        Hooks.call(mv, HOOKS, "exit", EXIT);               // -> [..]
    }
}
