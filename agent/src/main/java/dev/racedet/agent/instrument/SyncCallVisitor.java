package dev.racedet.agent.instrument;

import java.util.Map;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Calls whose synchronization the JVM implements natively, replaced by static methods of the
 * facades that make the real call and record the edges around it: {@code Object.wait} (final: it
 * releases and re-acquires the monitor) and {@code Thread.sleep} (static: an interruption it reports
 * happens-after the {@code interrupt()}). Thread start, termination and join are hooked inside the
 * JDK by {@link JdkThreadHooks}, for every caller.
 */
final class SyncCallVisitor extends MethodVisitor {
    /** Object.wait overloads (final in Object): descriptor -> replacement descriptor. */
    private static final Map<String, String> WAIT = Map.of(
            "()V", "(Ljava/lang/Object;)V",
            "(J)V", "(Ljava/lang/Object;J)V",
            "(JI)V", "(Ljava/lang/Object;JI)V");
    /** Thread.sleep overloads that exist on every supported JDK (same descriptor: static). */
    private static final Map<String, String> SLEEP = Map.of("(J)V", "(J)V", "(JI)V", "(JI)V");

    SyncCallVisitor(MethodVisitor next) {
        super(Opcodes.ASM9, next);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
        if (virtual && !Hooks.isFacade(owner) && name.equals("wait") && WAIT.containsKey(descriptor)) {
            Hooks.call(mv, Hooks.MONITORS, "wait", WAIT.get(descriptor)); // [o args] -> []
            return;
        }
        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/Thread") && name.equals("sleep")
                && SLEEP.containsKey(descriptor)) {
            Hooks.call(mv, Hooks.THREADS, "sleep", descriptor); // [args] -> []
            return;
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }
}
