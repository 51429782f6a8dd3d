package dev.racedet.agent.instrument;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * In checked code, marks the optimistic read sections of {@code StampedLock}: after
 * {@code tryOptimisticRead()} the thread's plain field reads are tentative until
 * {@code validate(stamp)}, whose call is replaced by {@code FieldHooks.validate}: after a successful
 * validation each is checked against the write it saw (a writer that skipped the lock is reported),
 * without being recorded; a failed one discards them. Any other {@code StampedLock} call ends a
 * section without validation.
 *
 * <p>Why: the documented idiom reads fields without the lock and uses the values only if
 * {@code validate} succeeds, else rereads under the read lock. A value that passes validation was
 * written before the stamp (whose volatile read orders it); a value read while a writer was active
 * is discarded. Under the JMM the tentative loads still race with a concurrent write-locker, but no
 * outcome depends on them, so reporting them would be a false alarm. A write in the section is
 * checked as usual.
 */
final class StampedLockCallVisitor extends MethodVisitor {
    private static final String STAMPED_LOCK = "java/util/concurrent/locks/StampedLock";

    StampedLockCallVisitor(MethodVisitor next) {
        super(Opcodes.ASM9, next);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (opcode != Opcodes.INVOKEVIRTUAL || !owner.equals(STAMPED_LOCK)) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        if (name.equals("tryOptimisticRead") && descriptor.equals("()J")) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);  // [lock] -> [stamp]
            super.visitInsn(Opcodes.DUP2);                                        // -> [stamp stamp]
            Hooks.call(mv, Hooks.FIELDS, "optimisticReadStarted", "(J)V");        // -> [stamp]
            return;
        }
        if (name.equals("validate") && descriptor.equals("(J)Z")) {
            Hooks.call(mv, Hooks.FIELDS, "validate", "(L" + STAMPED_LOCK + ";J)Z"); // [lock stamp] -> [valid]
            return;
        }
        Hooks.call(mv, Hooks.FIELDS, "optimisticReadEnded", "()V");               // [lock args] -> same
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }
}
