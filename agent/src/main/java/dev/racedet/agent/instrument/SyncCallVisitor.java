package dev.racedet.agent.instrument;

import java.util.Map;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Thread and monitor calls that synchronize: {@code Thread.join} and {@code Object.wait} are replaced
 * by static methods of the facade that make the real call and record the edges around it (both are
 * final, so behavior is unchanged). Thread starts are not modeled here: {@link JdkThreadHooks} hooks
 * them inside the JDK, for every caller. {@code java.util.concurrent.locks} calls are
 * {@link LockCallVisitor}'s.
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

    private final MemberResolver resolver;

    SyncCallVisitor(MethodVisitor next, MemberResolver resolver) {
        super(Opcodes.ASM9, next);
        this.resolver = resolver;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
        if (virtual && !owner.equals(Hooks.OWNER)) {
            if (name.equals("wait") && WAIT.containsKey(descriptor)) {
                Hooks.call(mv, "wait", WAIT.get(descriptor)); // [o args] -> []
                return;
            }
            // Names first: resolving the owner's type hierarchy is the expensive part.
            if (name.equals("join") && JOIN.containsKey(descriptor) && opcode == Opcodes.INVOKEVIRTUAL
                    && resolver.isSubtype(owner, Thread.class)) {
                Hooks.call(mv, "join", JOIN.get(descriptor)); // [t args] -> []
                return;
            }
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }
}
