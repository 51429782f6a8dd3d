package dev.racedet.agent.instrument;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * In checked code, marks each call of a method of a JDK collection type ({@link JdkCollections}):
 * {@code collectionCall(site)} before it, {@code collectionReturned()} after it. While a thread is
 * inside such a call, the JDK collection fields it touches are checked and reported at this site.
 * A call that throws leaves the mark until the next collection call from checked code replaces it.
 */
final class CollectionCallVisitor extends MethodVisitor {
    private final SiteTracker site;
    /** The local holding the thread's state (checked methods keep one, see ContextVisitor), or -1. */
    private final int threadLocal;

    CollectionCallVisitor(MethodVisitor next, SiteTracker site, int threadLocal) {
        super(Opcodes.ASM9, next);
        this.site = site;
        this.threadLocal = threadLocal;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        boolean instanceCall = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
        if (!instanceCall || !JdkCollections.isCollectionType(owner)) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        if (threadLocal < 0) {
            Hooks.pushInt(mv, site.site(COLLECTION_CALL, false));           // [r args] -> [r args sid]
            Hooks.call(mv, Hooks.FIELDS, "collectionCall", "(I)V");           // -> [r args]
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface); // -> [result?]
            Hooks.call(mv, Hooks.FIELDS, "collectionReturned", "()V");        // -> [result?]
            return;
        }
        super.visitVarInsn(Opcodes.ALOAD, threadLocal);                      // [r args] -> [r args t]
        Hooks.pushInt(mv, site.site(COLLECTION_CALL, false));               // -> [r args t sid]
        Hooks.call(mv, Hooks.FIELDS, "collectionCall", "(Ljava/lang/Object;I)V"); // -> [r args]
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);  // -> [result?]
        super.visitVarInsn(Opcodes.ALOAD, threadLocal);                      // -> [result? t]
        Hooks.call(mv, Hooks.FIELDS, "collectionReturned", "(Ljava/lang/Object;)V"); // -> [result?]
    }

    /** The field id of a collection call site: no field of its own (the JDK field comes with the race). */
    static final int COLLECTION_CALL = -1;
}
