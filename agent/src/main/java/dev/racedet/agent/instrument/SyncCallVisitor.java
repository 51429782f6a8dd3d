package dev.racedet.agent.instrument;

import java.util.Map;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Thread and monitor calls that synchronize: {@code Thread.start} gets a fork event before it; a
 * task handed to a thread-starting JDK method is wrapped to acquire the caller's clock first;
 * {@code Thread.join} and {@code Object.wait} are replaced by static methods of the facade that make
 * the real call and record the edges around it (both are final, so behavior is unchanged).
 * {@code java.util.concurrent.locks} calls are {@link LockCallVisitor}'s.
 */
final class SyncCallVisitor extends MethodVisitor {
    /** Object.wait overloads (final in Object): descriptor -> replacement descriptor. */
    private static final Map<String, String> WAIT = Map.of(
            "()V", "(Ljava/lang/Object;)V",
            "(J)V", "(Ljava/lang/Object;J)V",
            "(JI)V", "(Ljava/lang/Object;JI)V");
    /** Thread.join overloads (final in Thread). */
    private static final Map<String, String> JOIN = Map.of(
            "()V", "(Ljava/lang/Thread;)V",
            "(J)V", "(Ljava/lang/Thread;J)V",
            "(JI)V", "(Ljava/lang/Thread;JI)V");
    private static final String RUNNABLE_TO_THREAD = "(Ljava/lang/Runnable;)Ljava/lang/Thread;";

    private final MemberResolver resolver;

    SyncCallVisitor(MethodVisitor next, MemberResolver resolver) {
        super(Opcodes.ASM9, next);
        this.resolver = resolver;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (startsThreadForTask(opcode, owner, name, descriptor)) {
            // [.. task] -> [.. task'], a task that first acquires what the caller released here
            Hooks.call(mv, "handOff", "(Ljava/lang/Runnable;)Ljava/lang/Runnable;");
        }
        boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
        if (virtual && !owner.equals(Hooks.OWNER)) {
            if (name.equals("wait") && WAIT.containsKey(descriptor)) {
                Hooks.call(mv, "wait", WAIT.get(descriptor)); // [o args] -> []
                return;
            }
            // Names first: resolving the owner's type hierarchy is the expensive part.
            boolean join = name.equals("join") && JOIN.containsKey(descriptor);
            boolean start = name.equals("start") && descriptor.equals("()V");
            if ((join || start) && opcode == Opcodes.INVOKEVIRTUAL && resolver.isSubtype(owner, Thread.class)) {
                if (join) {
                    Hooks.call(mv, "join", JOIN.get(descriptor)); // [t args] -> []
                    return;
                }
                super.visitInsn(Opcodes.DUP);                             // [t] -> [t t]
                Hooks.call(mv, "threadStart", "(Ljava/lang/Object;)V");   // -> [t]
            }
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    /**
     * JDK 21+ calls that create and start a thread inside the JDK, where no start hook runs:
     * {@code Thread.startVirtualThread(task)} and {@code Thread.Builder.start(task)}.
     */
    private static boolean startsThreadForTask(int opcode, String owner, String name, String descriptor) {
        if (!descriptor.equals(RUNNABLE_TO_THREAD)) {
            return false;
        }
        return opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/Thread") && name.equals("startVirtualThread")
                || opcode == Opcodes.INVOKEINTERFACE && owner.startsWith("java/lang/Thread$Builder") && name.equals("start");
    }
}
