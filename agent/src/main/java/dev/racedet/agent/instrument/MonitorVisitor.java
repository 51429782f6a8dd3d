package dev.racedet.agent.instrument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.TypePath;

/**
 * {@code synchronized} blocks: an acquire event right after MONITORENTER and a release event right
 * before every MONITOREXIT (javac's exception paths included), so no other thread can take the
 * monitor between the event and the real operation. {@link MonitorSiteVisitor} inserts the hooks, each
 * behind a guard that swallows a {@code StackOverflowError} thrown by the call itself.
 *
 * <p>A guard needs the stack map frame at its place. The reader gives frames only at branch targets and
 * handlers, and this visitor is not told the method's descriptor, so a block that starts before the
 * method's first frame has no known frame. For javac's shape this visitor looks ahead: MONITORENTER is
 * followed by the start of a catch-all range whose handler's frame (written by javac for the state at
 * the range start) is exactly the frame there. From MONITORENTER to that handler's frame the
 * instructions are held back, then replayed with the frame as a seed. Methods whose bytecode differs
 * are replayed without a seed: hooks then go unguarded, as before.
 */
final class MonitorVisitor extends MethodVisitor {
    private final MonitorSiteVisitor sites;
    /** Start label of each catch-all range -> its handler (the first such range listed). */
    private final Map<Label, Label> catchAllHandlers = new IdentityHashMap<>();
    /** The held-back calls while looking ahead, else null. */
    private List<Consumer<MethodVisitor>> heldBack;
    private boolean justEntered;
    private Label rangeStart;
    private Label awaitedHandler;
    private boolean atAwaitedHandler;

    MonitorVisitor(MethodVisitor next) {
        this(new MonitorSiteVisitor(next));
    }

    private MonitorVisitor(MonitorSiteVisitor sites) {
        super(Opcodes.ASM9, sites);
        this.sites = sites;
    }

    // ---- look-ahead ---------------------------------------------------------------------------------

    /** Passes the call on, or holds it back while looking ahead. */
    private void pass(Consumer<MethodVisitor> call) {
        if (heldBack == null) {
            call.accept(sites);
            return;
        }
        if (justEntered || atAwaitedHandler) {
            replay(); // not javac's shape after all
            call.accept(sites);
            return;
        }
        heldBack.add(call);
    }

    /** Passes the held-back calls on, in order, and stops looking ahead. */
    private void replay() {
        List<Consumer<MethodVisitor>> calls = heldBack;
        heldBack = null;
        justEntered = false;
        atAwaitedHandler = false;
        awaitedHandler = null;
        for (Consumer<MethodVisitor> call : calls) {
            call.accept(sites);
        }
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        if (type == null) {
            catchAllHandlers.putIfAbsent(start, handler);
        }
        pass(v -> v.visitTryCatchBlock(start, end, handler, type));
    }

    @Override
    public void visitInsn(int opcode) {
        pass(v -> v.visitInsn(opcode));
        if (opcode == Opcodes.MONITORENTER && heldBack == null) {
            heldBack = new ArrayList<>();
            justEntered = true;
        }
    }

    @Override
    public void visitLabel(Label label) {
        if (heldBack != null && justEntered) {
            justEntered = false;
            awaitedHandler = catchAllHandlers.get(label);
            rangeStart = label;
            if (awaitedHandler == null) {
                replay();
            }
        } else if (heldBack != null && label == awaitedHandler) {
            heldBack.add(v -> v.visitLabel(label));
            atAwaitedHandler = true;
            return;
        }
        pass(v -> v.visitLabel(label));
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        if (heldBack != null && (justEntered || atAwaitedHandler)) {
            heldBack.add(v -> v.visitLineNumber(line, start)); // line numbers come before the label's frame
            return;
        }
        pass(v -> v.visitLineNumber(line, start));
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        if (heldBack != null && atAwaitedHandler) {
            if (type == Opcodes.F_NEW) {
                sites.seed(rangeStart, Arrays.copyOf(local, numLocal));
            }
            heldBack.add(v -> v.visitFrame(type, numLocal, local, numStack, stack));
            replay();
            return;
        }
        // The reader reuses its frame arrays for the next frame: a held-back frame needs its own copy.
        Object[] localCopy = local == null ? null : Arrays.copyOf(local, local.length);
        Object[] stackCopy = stack == null ? null : Arrays.copyOf(stack, stack.length);
        pass(v -> v.visitFrame(type, numLocal, localCopy, numStack, stackCopy));
    }

    // ---- instructions: held back or passed on -------------------------------------------------------

    @Override
    public void visitIntInsn(int opcode, int operand) {
        pass(v -> v.visitIntInsn(opcode, operand));
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
        pass(v -> v.visitVarInsn(opcode, var));
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        pass(v -> v.visitTypeInsn(opcode, type));
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        pass(v -> v.visitFieldInsn(opcode, owner, name, descriptor));
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        pass(v -> v.visitMethodInsn(opcode, owner, name, descriptor, isInterface));
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        pass(v -> v.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments));
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        pass(v -> v.visitJumpInsn(opcode, label));
    }

    @Override
    public void visitLdcInsn(Object value) {
        pass(v -> v.visitLdcInsn(value));
    }

    @Override
    public void visitIincInsn(int var, int increment) {
        pass(v -> v.visitIincInsn(var, increment));
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        pass(v -> v.visitTableSwitchInsn(min, max, dflt, labels));
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        pass(v -> v.visitLookupSwitchInsn(dflt, keys, labels));
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        pass(v -> v.visitMultiANewArrayInsn(descriptor, numDimensions));
    }

    // ---- calls that end the look-ahead (they cannot be held back, or come after the code) -------------

    @Override
    public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
        endLookAhead();
        return super.visitInsnAnnotation(typeRef, typePath, descriptor, visible);
    }

    @Override
    public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor,
                                                     boolean visible) {
        endLookAhead();
        return super.visitTryCatchAnnotation(typeRef, typePath, descriptor, visible);
    }

    @Override
    public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
                                   int index) {
        endLookAhead();
        super.visitLocalVariable(name, descriptor, signature, start, end, index);
    }

    @Override
    public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start,
                                                          Label[] end, int[] index, String descriptor,
                                                          boolean visible) {
        endLookAhead();
        return super.visitLocalVariableAnnotation(typeRef, typePath, start, end, index, descriptor, visible);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        endLookAhead();
        super.visitMaxs(maxStack, maxLocals);
    }

    @Override
    public void visitEnd() {
        endLookAhead();
        super.visitEnd();
    }

    private void endLookAhead() {
        if (heldBack != null) {
            replay();
        }
    }
}
