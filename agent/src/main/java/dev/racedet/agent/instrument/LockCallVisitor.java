package dev.racedet.agent.instrument;

import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * {@code java.util.concurrent.locks} calls made from application code. {@code Lock} and
 * {@code Condition} methods are replaced by static methods of the facade that make the same call
 * (dispatched virtually, so any implementation works) and record the edges around it. Calls that
 * hand out related objects are followed by a hook that remembers the relation: the lock behind a
 * {@code newCondition()}, and which {@code ReadWriteLock} a {@code readLock()}/{@code writeLock()}
 * belongs to, so readers are ordered after writers but not after each other.
 */
final class LockCallVisitor extends MethodVisitor {
    private static final String LOCK = "Ljava/util/concurrent/locks/Lock;";
    private static final String CONDITION = "Ljava/util/concurrent/locks/Condition;";
    /** Lock methods: name + descriptor -> replacement descriptor. */
    private static final Map<String, String> LOCK_CALLS = Map.of(
            "lock()V", "(" + LOCK + ")V",
            "lockInterruptibly()V", "(" + LOCK + ")V",
            "tryLock()Z", "(" + LOCK + ")Z",
            "tryLock(JLjava/util/concurrent/TimeUnit;)Z", "(" + LOCK + "JLjava/util/concurrent/TimeUnit;)Z",
            "unlock()V", "(" + LOCK + ")V");
    /** Condition waits: name + descriptor -> replacement descriptor. */
    private static final Map<String, String> CONDITION_CALLS = Map.of(
            "await()V", "(" + CONDITION + ")V",
            "awaitUninterruptibly()V", "(" + CONDITION + ")V",
            "awaitNanos(J)J", "(" + CONDITION + "J)J",
            "await(JLjava/util/concurrent/TimeUnit;)Z", "(" + CONDITION + "JLjava/util/concurrent/TimeUnit;)Z",
            "awaitUntil(Ljava/util/Date;)Z", "(" + CONDITION + "Ljava/util/Date;)Z");
    private static final String BIND = "(Ljava/lang/Object;Ljava/lang/Object;)V";

    private final MemberResolver resolver;

    LockCallVisitor(MethodVisitor next, MemberResolver resolver) {
        super(Opcodes.ASM9, next);
        this.resolver = resolver;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (opcode != Opcodes.INVOKEVIRTUAL && opcode != Opcodes.INVOKEINTERFACE) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        String lockCall = LOCK_CALLS.get(name + descriptor);
        String conditionCall = CONDITION_CALLS.get(name + descriptor);
        if (lockCall != null && resolver.isSubtype(owner, Lock.class)) {
            Hooks.call(mv, name, lockCall); // [lock args] -> [result?]
        } else if (conditionCall != null && resolver.isSubtype(owner, Condition.class)) {
            Hooks.call(mv, name, conditionCall); // [condition args] -> [result?]
        } else if (name.equals("newCondition") && descriptor.equals("()" + CONDITION)
                && resolver.isSubtype(owner, Lock.class)) {
            callThenBind(opcode, owner, name, descriptor, isInterface, "conditionCreated");
        } else if ((name.equals("readLock") || name.equals("writeLock")) && descriptor.startsWith("()L")
                && resolver.isSubtype(owner, ReadWriteLock.class)) {
            callThenBind(opcode, owner, name, descriptor, isInterface, name.equals("readLock") ? "readLockOf" : "writeLockOf");
        } else {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }

    /** [owner] -> DUP -> [owner owner] -> call -> [owner result] -> DUP_X1 -> [result owner result] -> hook -> [result]. */
    private void callThenBind(int opcode, String owner, String name, String descriptor, boolean isInterface, String hook) {
        super.visitInsn(Opcodes.DUP);
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        super.visitInsn(Opcodes.DUP_X1);
        Hooks.call(mv, hook, BIND);
    }
}
