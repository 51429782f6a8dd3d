package dev.racedet.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Inserts the hooks of {@code synchronized} blocks (see {@link MonitorVisitor}, which feeds it): an
 * acquire event after MONITORENTER, a release event before MONITOREXIT, each call covered by a
 * {@link MonitorGuards guard} whenever the {@link MonitorFrameTracker frame} there is known and the
 * operand stack holds nothing but the lock, so that a hook can neither leave a monitor held, nor release
 * one twice, nor loop in javac's release handler, and HotSpot still sees balanced monitors on every
 * path (it refuses to compile a method where an instruction that can throw while a monitor is held is
 * not covered by a handler).
 *
 * <p>Where the frame is not known the hooks are placed as before guards existed, with one improvement
 * for javac's shape ({@code dup; astore n; monitorenter}): the acquire hook reloads local {@code n} after
 * the label that follows MONITORENTER, i.e. inside javac's catch-all range, so a throw releases the monitor.
 */
final class MonitorSiteVisitor extends MethodVisitor {
    private static final String OBJ = "(Ljava/lang/Object;)V";
    private static final Object[] EMPTY = {};

    private record TryCatch(Label start, Label end, Label handler, String type) {
    }

    private final MonitorFrameTracker frames = new MonitorFrameTracker();
    private final MonitorGuards guards = new MonitorGuards();
    /** The method's own try-catch blocks, registered after the guards' (first match wins). */
    private final List<TryCatch> tryCatchBlocks = new ArrayList<>();
    private boolean lastWasDup;
    /** The local javac's {@code dup; astore n} just stored the lock into, or -1. */
    private int lockLocal = -1;
    /** After a MONITORENTER whose hook waits for the next instruction: the local holding the lock, or -1. */
    private int pendingEnter = -1;
    private Label seedLabel;
    private Object[] seedLocals;
    private int localsNeeded;

    MonitorSiteVisitor(MethodVisitor next) {
        super(Opcodes.ASM9, next);
    }

    /**
     * At {@code label}, if the frame is not known otherwise, the locals are {@code locals} and the stack is
     * empty (the caller read them from the frame of the handler whose range starts there).
     */
    void seed(Label label, Object[] locals) {
        seedLabel = label;
        seedLocals = locals;
    }

    // ---- the monitor instructions -------------------------------------------------------------------

    /** @param lockInLocal the local that also holds the lock (javac's {@code dup; astore n}), or -1 */
    private void monitorEnter(int lockInLocal) {
        if (guardable(1)) {
            insn(Opcodes.DUP);                     // [lock] -> [lock lock]
            insn(Opcodes.MONITORENTER);            // -> [lock]
            guardedCall("monitorEnter");           // -> []
        } else if (lockInLocal >= 0) {
            insn(Opcodes.MONITORENTER);            // [.. lock] -> [..]; javac's range starts at the next label
            pendingEnter = lockInLocal;
        } else {
            insn(Opcodes.DUP);                     // [.. lock] -> [.. lock lock]
            insn(Opcodes.MONITORENTER);            // -> [.. lock]
            call("monitorEnter");                  // -> [..]
        }
    }

    /** The acquire hook of a MONITORENTER whose lock is in local {@code var}, before the next instruction. */
    private void pendingEnter() {
        int var = pendingEnter;
        pendingEnter = -1;
        var(Opcodes.ALOAD, var);                   // [] -> [lock]
        if (guardable(1)) {
            guardedCall("monitorEnter");           // -> []
        } else {
            call("monitorEnter");                  // -> []
        }
    }

    private void monitorExit() {
        if (frames.known() && frames.allInitialized() && frames.stackSize() >= 1) {
            guardedExit();
        } else {
            insn(Opcodes.DUP);                     // [.. lock] -> [.. lock lock]
            call("monitorExit");                   // -> [.. lock]
            insn(Opcodes.MONITOREXIT);             // -> [..]
        }
    }

    /**
     * The release hook guarded: the lock and whatever lies below it (javac: a return value) are parked in
     * fresh locals, since a handler starts with an empty stack, and reloaded after the hook.
     */
    private void guardedExit() {
        int lockTmp = frames.localsSize();         // free from here on: a later read must store first
        var(Opcodes.ASTORE, lockTmp);              // [.. lock] -> [..]
        int next = lockTmp + 1;
        List<int[]> parked = new ArrayList<>();    // {load opcode, local}, top of stack first
        while (frames.stackSize() > 0) {
            boolean wide = frames.stackType(0) == Opcodes.TOP;
            Object type = frames.stackType(wide ? 1 : 0);
            int store = storeOpcode(type);
            var(store, next);                      // [.. v] -> [..]
            parked.add(new int[] {store - Opcodes.ISTORE + Opcodes.ILOAD, next});
            next += wide ? 2 : 1;
        }
        localsNeeded = Math.max(localsNeeded, next);
        var(Opcodes.ALOAD, lockTmp);               // [] -> [lock]
        guardedCall("monitorExit");                // -> []
        for (int i = parked.size() - 1; i >= 0; i--) {
            var(parked.get(i)[0], parked.get(i)[1]); // -> [..], as it was
        }
        var(Opcodes.ALOAD, lockTmp);               // -> [.. lock]
        insn(Opcodes.MONITOREXIT);                 // -> [..]
    }

    private static int storeOpcode(Object type) {
        if (type == Opcodes.INTEGER) {
            return Opcodes.ISTORE;
        } else if (type == Opcodes.FLOAT) {
            return Opcodes.FSTORE;
        } else if (type == Opcodes.LONG) {
            return Opcodes.LSTORE;
        } else if (type == Opcodes.DOUBLE) {
            return Opcodes.DSTORE;
        }
        return Opcodes.ASTORE;
    }

    /** True if a guard can be written here: frame known, only {@code argSlots} on the stack, no uninitialized value. */
    private boolean guardable(int argSlots) {
        return frames.known() && frames.stackSize() == argSlots && frames.allInitialized();
    }

    /**
     * The hook call, guarded; afterwards a frame (same locals, empty stack) for the handler to resume at,
     * and a NOP so that the method's own next frame, if any, does not fall on the same offset.
     */
    private void guardedCall(String hook) {
        Object[] locals = frames.frameLocals();
        Label resume = new Label();
        guards.guard(mv, locals, () -> call(hook), MonitorGuards.jumpTo(resume));
        super.visitLabel(resume);
        super.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, EMPTY);
        super.visitInsn(Opcodes.NOP);
    }

    private void call(String hook) {
        Hooks.call(mv, Hooks.MONITORS, hook, OBJ);
        frames.methodInsn(Opcodes.INVOKESTATIC, hook, OBJ);
    }

    private void insn(int opcode) {
        super.visitInsn(opcode);
        frames.insn(opcode);
    }

    private void var(int opcode, int var) {
        super.visitVarInsn(opcode, var);
        frames.varInsn(opcode, var);
    }

    /** Before every original instruction: a waiting acquire hook goes first. */
    private void beforeInstruction() {
        if (pendingEnter >= 0) {
            pendingEnter();
        }
        lockLocal = -1;
    }

    // ---- everything else: tracked and passed on -----------------------------------------------------

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        tryCatchBlocks.add(new TryCatch(start, end, handler, type));
    }

    @Override
    public void visitLabel(Label label) {
        super.visitLabel(label);
        if (label == seedLabel && !frames.known()) {
            frames.reset(seedLocals.length, seedLocals, 0, EMPTY);
        }
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        super.visitFrame(type, numLocal, local, numStack, stack);
        if (type == Opcodes.F_NEW) {
            frames.reset(numLocal, local, numStack, stack);
        } else {
            frames.forget();
        }
    }

    @Override
    public void visitInsn(int opcode) {
        int lockInLocal = lockLocal;
        beforeInstruction();
        boolean dup = opcode == Opcodes.DUP;
        if (opcode == Opcodes.MONITORENTER) {
            monitorEnter(lockInLocal);
        } else if (opcode == Opcodes.MONITOREXIT) {
            monitorExit();
        } else {
            insn(opcode);
        }
        lastWasDup = dup;
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
        boolean afterDup = lastWasDup;
        beforeInstruction();
        var(opcode, var);
        if (opcode == Opcodes.ASTORE && afterDup) {
            lockLocal = var; // dup; astore n: what is left on the stack is also in local n
        }
        lastWasDup = false;
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        beforeInstruction();
        super.visitIntInsn(opcode, operand);
        frames.intInsn(opcode, operand);
        lastWasDup = false;
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        beforeInstruction();
        super.visitTypeInsn(opcode, type);
        frames.typeInsn(opcode, type);
        lastWasDup = false;
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        beforeInstruction();
        super.visitFieldInsn(opcode, owner, name, descriptor);
        frames.fieldInsn(opcode, descriptor);
        lastWasDup = false;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        beforeInstruction();
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        frames.methodInsn(opcode, name, descriptor);
        lastWasDup = false;
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        beforeInstruction();
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        frames.invokeDynamicInsn(descriptor);
        lastWasDup = false;
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        beforeInstruction();
        super.visitJumpInsn(opcode, label);
        frames.jumpInsn(opcode);
        lastWasDup = false;
    }

    @Override
    public void visitLdcInsn(Object value) {
        beforeInstruction();
        super.visitLdcInsn(value);
        frames.ldcInsn(value);
        lastWasDup = false;
    }

    @Override
    public void visitIincInsn(int var, int increment) {
        beforeInstruction();
        super.visitIincInsn(var, increment);
        lastWasDup = false;
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        beforeInstruction();
        super.visitTableSwitchInsn(min, max, dflt, labels);
        frames.switchInsn();
        lastWasDup = false;
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        beforeInstruction();
        super.visitLookupSwitchInsn(dflt, keys, labels);
        frames.switchInsn();
        lastWasDup = false;
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        beforeInstruction();
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
        frames.multiANewArrayInsn(descriptor, numDimensions);
        lastWasDup = false;
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (pendingEnter >= 0) {
            pendingEnter(); // unreachable in valid code (MONITORENTER cannot end a method), kept safe
        }
        guards.emitRanges(mv);
        for (TryCatch t : tryCatchBlocks) {
            super.visitTryCatchBlock(t.start(), t.end(), t.handler(), t.type());
        }
        guards.emitHandlers(mv);
        super.visitMaxs(maxStack, Math.max(maxLocals, localsNeeded));
    }
}
