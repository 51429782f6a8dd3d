package dev.racedet.agent.instrument;

import dev.racedet.runtime.Registry;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * In checked code, marks each call of a plain {@code VarHandle} access mode ({@code get},
 * {@code set}): {@code varHandleCall(site)} right before it (after its arguments are evaluated),
 * {@code varHandleReturned()} after it. The field or array element that the JDK's implementation
 * then accesses ({@link JdkPlainVarHandleVisitor}) is checked as a plain read or write at this site.
 *
 * <p>Why the JDK's side: {@code VarHandle} calls are signature-polymorphic and the handle does not
 * say, without reading the JDK's private state, which field it stands for; its implementation
 * computes exactly the object and offset (or array and index) it accesses. Why mark here: the JDK
 * uses plain {@code VarHandle} accesses itself (concurrent queues' relaxed writes), which must
 * never be checked.
 */
final class VarHandleCallVisitor extends MethodVisitor {
    private static final String VAR_HANDLE = "java/lang/invoke/VarHandle";
    private final SiteTracker site;

    VarHandleCallVisitor(MethodVisitor next, SiteTracker site) {
        super(Opcodes.ASM9, next);
        this.site = site;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        boolean plain = name.equals("get") || name.equals("set");
        if (opcode != Opcodes.INVOKEVIRTUAL || !plain || !owner.equals(VAR_HANDLE)) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        // The field is known only when the access happens: the site names none ("[]" like an array
        // element whose field is unknown; a field's race is named by its state).
        int unnamed = Registry.fieldId("", "[]", "");
        Hooks.pushInt(mv, site.site(unnamed, name.equals("set")));          // [vh args] -> [vh args sid]
        Hooks.call(mv, Hooks.FIELDS, "varHandleCall", "(I)V");                // -> [vh args]
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);  // -> [result?]
        Hooks.call(mv, Hooks.FIELDS, "varHandleReturned", "()V");             // -> [result?]
    }
}
