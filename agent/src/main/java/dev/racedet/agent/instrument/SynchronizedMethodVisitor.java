package dev.racedet.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * {@code synchronized} methods, whose monitor the JVM takes and releases implicitly: an acquire
 * event at entry, a release event before every return, and a catch-all handler around the whole body
 * that records the release and rethrows, for exits by exception. The handler is registered last, so
 * the method's own handlers keep precedence.
 *
 * <p>The release hook before a return is covered by a {@link MonitorGuards guard}: if the call itself
 * throws (a {@code StackOverflowError} near the end of the stack), the method returns its value as it
 * would have, without the event, instead of throwing into the application. The guard keeps the return
 * value in a local; its handler's frame marks every other local unused, so no frame of the method is
 * needed. A reference return needs its type, which only the descriptor gives: without one
 * ({@link #SynchronizedMethodVisitor(MethodVisitor, String, boolean, boolean)}) ARETURN hooks stay
 * unguarded. With the descriptor, the entry hook is guarded too (its handler resumes at the method's
 * initial frame); without it, a throw from the entry hook leaves the method, whose monitor the JVM
 * releases, like a stack overflow on the call itself.
 */
final class SynchronizedMethodVisitor extends MethodVisitor {
    private static final String OBJ = "(Ljava/lang/Object;)V";
    private static final Object[] EMPTY = {};

    private record TryCatch(Label start, Label end, Label handler, String type) {
    }

    private final String owner;
    private final boolean isStatic;
    private final boolean writesFrames;
    private final String descriptor;
    private final Label bodyStart = new Label();
    private final Label bodyEnd = new Label();
    private final Label handler = new Label();
    private final MonitorGuards guards = new MonitorGuards();
    /** Try-catch blocks from upstream, registered after the guards' (first match wins). */
    private final List<TryCatch> tryCatchBlocks = new ArrayList<>();
    private int localsNeeded;

    SynchronizedMethodVisitor(MethodVisitor next, String owner, boolean isStatic, boolean writesFrames) {
        this(next, owner, isStatic, writesFrames, null);
    }

    /** @param descriptor the method's descriptor, or null if unknown */
    SynchronizedMethodVisitor(MethodVisitor next, String owner, boolean isStatic, boolean writesFrames,
                              String descriptor) {
        super(Opcodes.ASM9, next);
        this.owner = owner;
        this.isStatic = isStatic;
        this.writesFrames = writesFrames;
        this.descriptor = descriptor;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        if (writesFrames && descriptor != null) {
            Object[] locals = initialLocals();
            Label resume = new Label();
            guards.guard(mv, locals, () -> {
                pushMonitor();                              // [] -> [lock]
                Hooks.call(mv, Hooks.MONITORS, "monitorEnter", OBJ);        // -> []
            }, MonitorGuards.jumpTo(resume));
            super.visitLabel(resume);
            super.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, EMPTY);
            super.visitInsn(Opcodes.NOP); // the body's own first frame, if any, must not share this offset
        } else {
            pushMonitor();                                  // [] -> [lock]
            Hooks.call(mv, Hooks.MONITORS, "monitorEnter", OBJ);            // -> []
        }
        super.visitLabel(bodyStart);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            Object valueType = returnFrameType(opcode);
            if (writesFrames && valueType != null) {
                guardedReturn(opcode, valueType);
                return;
            }
            pushMonitor();                                  // [ret?] -> [ret? lock]
            Hooks.call(mv, Hooks.MONITORS, "monitorExit", OBJ);             // -> [ret?]
        }
        super.visitInsn(opcode);
    }

    /** The release hook, guarded, then the return; the handler returns the same value. */
    private void guardedReturn(int returnOpcode, Object valueType) {
        int tmp = isStatic ? 0 : 1; // nothing but `this` (the monitor) is needed after this point
        int load = returnOpcode - Opcodes.IRETURN + Opcodes.ILOAD;
        int store = returnOpcode - Opcodes.IRETURN + Opcodes.ISTORE;
        boolean hasValue = returnOpcode != Opcodes.RETURN;
        Object[] locals;
        if (hasValue) {
            super.visitVarInsn(store, tmp);                 // [ret] -> []
            locals = isStatic ? new Object[] {valueType} : new Object[] {Opcodes.TOP, valueType};
            localsNeeded = Math.max(localsNeeded, tmp + Type.getType(descriptorOf(returnOpcode)).getSize());
        } else {
            locals = EMPTY;
        }
        guards.guard(mv, locals, () -> {
            pushMonitor();                                  // [] -> [lock]
            Hooks.call(mv, Hooks.MONITORS, "monitorExit", OBJ);             // -> []
        }, v -> {
            if (hasValue) {
                v.visitVarInsn(load, tmp);                  // [] -> [ret]
            }
            v.visitInsn(returnOpcode);
        });
        if (hasValue) {
            super.visitVarInsn(load, tmp);                  // [] -> [ret]
        }
        super.visitInsn(returnOpcode);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handlerLabel, String type) {
        tryCatchBlocks.add(new TryCatch(start, end, handlerLabel, type));
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
        Hooks.call(mv, Hooks.MONITORS, "monitorExit", OBJ);      // -> [t]
        super.visitInsn(Opcodes.ATHROW);
        guards.emitHandlers(mv);
        guards.emitRanges(mv);
        for (TryCatch t : tryCatchBlocks) {
            super.visitTryCatchBlock(t.start(), t.end(), t.handler(), t.type());
        }
        super.visitTryCatchBlock(bodyStart, bodyEnd, handler, null);
        super.visitMaxs(Math.max(maxStack, 2), Math.max(maxLocals, localsNeeded));
    }

    /** The frame type of the value a return instruction returns; null if unknown (ARETURN without descriptor). */
    private Object returnFrameType(int opcode) {
        if (opcode == Opcodes.ARETURN) {
            return descriptor == null ? null : MonitorFrameTracker.typeOf(Type.getReturnType(descriptor).getDescriptor());
        }
        return opcode == Opcodes.RETURN ? Opcodes.TOP : MonitorFrameTracker.typeOf(descriptorOf(opcode));
    }

    private static String descriptorOf(int returnOpcode) {
        switch (returnOpcode) {
            case Opcodes.LRETURN:
                return "J";
            case Opcodes.FRETURN:
                return "F";
            case Opcodes.DRETURN:
                return "D";
            case Opcodes.ARETURN:
                return "Ljava/lang/Object;";
            default:
                return "I";
        }
    }

    /** The frame at the method's first instruction: {@code this}, then the parameters. */
    private Object[] initialLocals() {
        List<Object> locals = new ArrayList<>();
        if (!isStatic) {
            locals.add(owner);
        }
        for (Type t : Type.getArgumentTypes(descriptor)) {
            locals.add(MonitorFrameTracker.typeOf(t.getDescriptor()));
        }
        return locals.toArray();
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
