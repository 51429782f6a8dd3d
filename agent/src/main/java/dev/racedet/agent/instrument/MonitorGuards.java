package dev.racedet.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Catch-all handlers around inserted hook calls that swallow whatever the call throws (in practice a
 * {@code StackOverflowError} thrown when the stack is nearly exhausted: the hooks themselves catch
 * everything else) and resume the method as if the hook had returned. The hook's event is then lost;
 * the program's own behavior is not changed.
 *
 * <p>Why not let javac's handlers see it: a throw between MONITORENTER and javac's try range leaves the
 * monitor held, and a throw inside javac's release handler re-enters the same handler, at the same stack
 * depth, forever. The guard's range must come first in the exception table (the JVM takes the first
 * matching entry), so the owner registers the method's own ranges only after {@link #emitRanges}.
 *
 * <p>The caller guarantees, for each guard: the guarded code only pushes the hook's arguments and makes
 * the call; nothing else is on the operand stack (a handler starts with an empty stack); {@code locals}
 * is a valid stack map frame for every guarded instruction, and the resume code is valid from it.
 */
final class MonitorGuards {
    private record Guard(Label start, Label end, Label handler, Object[] locals, Consumer<MethodVisitor> resume) {
    }

    private static final Object[] THROWABLE = {"java/lang/Throwable"};

    private final List<Guard> guards = new ArrayList<>();

    /**
     * Emits {@code call} covered by a new guard whose handler starts from frame {@code locals} and
     * continues with {@code resume}.
     */
    void guard(MethodVisitor mv, Object[] locals, Runnable call, Consumer<MethodVisitor> resume) {
        Guard g = new Guard(new Label(), new Label(), new Label(), locals, resume);
        mv.visitLabel(g.start());
        call.run();
        mv.visitLabel(g.end());
        guards.add(g);
    }

    boolean isEmpty() {
        return guards.isEmpty();
    }

    /** Registers every guard's range; call before the method's own try-catch blocks. */
    void emitRanges(MethodVisitor mv) {
        for (Guard g : guards) {
            mv.visitTryCatchBlock(g.start(), g.end(), g.handler(), null);
        }
    }

    /** Emits the handlers, after the method's last instruction (nothing falls into them). */
    void emitHandlers(MethodVisitor mv) {
        for (Guard g : guards) {
            mv.visitLabel(g.handler());
            mv.visitFrame(Opcodes.F_NEW, g.locals().length, g.locals(), 1, THROWABLE);
            mv.visitInsn(Opcodes.POP);          // [t] -> []: the hook's failure is dropped
            g.resume().accept(mv);
        }
    }

    /** A resume that jumps back to {@code continuation}, which carries a frame of the same locals. */
    static Consumer<MethodVisitor> jumpTo(Label continuation) {
        return mv -> mv.visitJumpInsn(Opcodes.GOTO, continuation);
    }
}
