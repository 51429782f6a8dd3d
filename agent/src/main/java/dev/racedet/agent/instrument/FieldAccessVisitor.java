package dev.racedet.agent.instrument;

import dev.racedet.runtime.JdkFields;
import dev.racedet.runtime.Registry;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Instruments field instructions. Plain fields become access events (the race candidates);
 * volatile fields become acquire (after a read) and release (before a write) events; statics also
 * record the use of their class, which acquires its static initializer. Final instance fields are
 * left alone. In a constructor, writes before {@code super(...)} returns touch an uninitialized
 * {@code this}, which cannot be passed to a hook and cannot race, so they are skipped. In a class
 * whose accesses are not checked, plain fields are left alone but volatiles and class uses are still
 * recorded, since they order the checked code. Synthetic fields (JaCoCo's {@code $jacocoData}, lazily
 * initialized with a benign race) are never checked. A field that cannot be resolved (its class or a
 * super type is missing) is left alone: whether it is volatile is unknown, and treating a volatile as
 * plain would give false reports.
 *
 * <p>Static fields and class uses are scoped by the real declaring class (see {@link ClassIds}); a
 * class file too old for class constants gets no plain static checks (sharing the name-keyed id
 * between two classes of one name could report false races) but keeps its volatile and class-use
 * edges (sharing those can only hide races).
 */
final class FieldAccessVisitor extends MethodVisitor {
    private static final String OBJ_II = "(Ljava/lang/Object;II)V";
    private static final String OBJ_I = "(Ljava/lang/Object;I)V";
    private static final String OBJ_STATE_II = "(Ljava/lang/Object;" + ShadowFieldPlan.STATE + "II)V";
    private static final String OBJ_STATE_OBJ_II = "(Ljava/lang/Object;" + ShadowFieldPlan.STATE + "Ljava/lang/Object;II)V";
    private static final String SHADOW_SITE = "(Ljava/lang/Object;)" + ShadowFieldPlan.STATE;
    private static final Handle SHADOW_LINK = new Handle(Opcodes.H_INVOKESTATIC, "dev/racedet/runtime/ShadowLinks",
            "shadow", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
            + "Ljava/lang/String;Ljava/lang/String;)Ljava/lang/invoke/CallSite;", false);

    private final SiteTracker site;
    private final MemberResolver resolver;
    private final boolean checkAccesses;
    private final boolean classConstants;
    /** In JDK code only volatiles are hooked: statics unscoped, no class use. */
    private final boolean jdk;
    private final ShadowFieldPlan shadows;
    /** The local holding the thread's state ({@link ContextVisitor}), or -1 if the method keeps none. */
    private final int threadLocal;
    /** Whether the class file may use {@code invokedynamic} (version 51, Java 7, and later). */
    private final boolean dynamicLinks;
    private boolean beforeSuperCall;
    private int pendingNews;

    FieldAccessVisitor(MethodVisitor next, SiteTracker site, MemberResolver resolver, boolean constructor,
                       boolean checkAccesses, boolean classConstants, boolean jdk, ShadowFieldPlan shadows,
                       int threadLocal, boolean dynamicLinks) {
        super(Opcodes.ASM9, next);
        this.threadLocal = threadLocal;
        this.dynamicLinks = dynamicLinks;
        this.site = site;
        this.resolver = resolver;
        this.beforeSuperCall = constructor;
        this.checkAccesses = checkAccesses;
        this.classConstants = classConstants;
        this.jdk = jdk;
        this.shadows = shadows;
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        if (opcode == Opcodes.NEW) {
            pendingNews++;
        }
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        // The first <init> call not matching an earlier NEW is this constructor's super()/this() call.
        if (beforeSuperCall && opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
            if (pendingNews > 0) {
                pendingNews--;
            } else {
                beforeSuperCall = false;
            }
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        MemberResolver.Field field = resolver.field(owner, name, descriptor);
        if (field == null) {
            super.visitFieldInsn(opcode, owner, name, descriptor);
            return;
        }
        boolean wide = descriptor.equals("J") || descriptor.equals("D");
        switch (opcode) {
            case Opcodes.GETFIELD -> getField(field, owner, name, descriptor, wide);
            case Opcodes.PUTFIELD -> putField(field, owner, name, descriptor, wide);
            case Opcodes.GETSTATIC -> getStatic(field, owner, name, descriptor);
            default -> putStatic(field, owner, name, descriptor);
        }
    }

    private void getField(MemberResolver.Field field, String owner, String name, String descriptor, boolean wide) {
        if (field.isFinal() || !field.isVolatile() && !checksPlain(field, name)) {
            super.visitFieldInsn(Opcodes.GETFIELD, owner, name, descriptor);
            return;
        }
        int fieldId = accessId(field, name);
        if (field.isVolatile()) {
            // [obj] -> DUP -> [obj obj] -> GETFIELD -> [obj v]
            super.visitInsn(Opcodes.DUP);
            super.visitFieldInsn(Opcodes.GETFIELD, owner, name, descriptor);
            moveObjectAboveValue(wide); // -> [v obj]
            pushThread();               // -> [v obj (t)]
            Hooks.pushInt(mv, fieldId); // -> [v obj (t) id]
            Hooks.call(mv, Hooks.FIELDS, jdk ? "jdkVolatileRead" : "volatileRead", volatileDescriptor()); // -> [v], an acquire
            return;
        }
        super.visitInsn(Opcodes.DUP);                 // [obj] -> [obj obj]
        plainHook(field, owner, name, fieldId, false); // -> [obj]
        super.visitFieldInsn(Opcodes.GETFIELD, owner, name, descriptor);
    }

    private void putField(MemberResolver.Field field, String owner, String name, String descriptor, boolean wide) {
        if (field.isFinal() || beforeSuperCall || !field.isVolatile() && !checksPlain(field, name)) {
            super.visitFieldInsn(Opcodes.PUTFIELD, owner, name, descriptor);
            return;
        }
        int fieldId = accessId(field, name);
        copyObjectBelowValue(wide); // [obj v] -> [obj v obj]
        if (field.isVolatile()) {
            pushThread();               // [obj v obj] -> [obj v obj (t)]
            Hooks.pushInt(mv, fieldId);
            // [obj v obj (t) fid] -> [obj v], before the write: a release
            Hooks.call(mv, Hooks.FIELDS, jdk ? "jdkVolatileWrite" : "volatileWrite", volatileDescriptor());
        } else {
            plainHook(field, owner, name, fieldId, true); // [obj v obj] -> [obj v]
        }
        super.visitFieldInsn(Opcodes.PUTFIELD, owner, name, descriptor);
    }

    private void getStatic(MemberResolver.Field field, String owner, String name, String descriptor) {
        // Static hooks run after the instruction, when the declaring class is surely initialized.
        super.visitFieldInsn(Opcodes.GETSTATIC, owner, name, descriptor); // [] -> [v]
        if (jdk) {
            if (field.isVolatile() && !field.isFinal()) {
                Hooks.pushInt(mv, jdkFieldId(field, name));                       // [v] -> [v jid]
                Hooks.call(mv, Hooks.FIELDS, "jdkVolatileReadStatic", "(I)V");   // -> [v]
            }
            return;
        }
        int classId = classId(field);
        if (field.isFinal() || !field.isVolatile() && !checksPlainStatic(field)) {
            classUse(owner, classId); // [v] -> [v]
        } else if (field.isVolatile()) {
            pushThread();                                                                            // -> [v (t)]
            ClassIds.pushStaticField(mv, owner, fieldId(field, name), classConstants, dynamicLinks); // -> [v (t) fid]
            ClassIds.push(mv, owner, classId, classConstants, dynamicLinks);                         // -> [v (t) fid cid]
            Hooks.call(mv, Hooks.FIELDS, "volatileReadStatic",
                    threadLocal >= 0 ? "(Ljava/lang/Object;II)V" : "(II)V");                         // -> [v]
        } else {
            int fieldId = fieldId(field, name);
            pushThread();                                                 // [v] -> [v t], when there is one
            ClassIds.pushStaticField(mv, owner, fieldId, classConstants, dynamicLinks); // -> [v (t) fid]
            Hooks.pushInt(mv, site.site(fieldId, false));                 // -> [v (t) fid sid]
            ClassIds.push(mv, owner, classId, classConstants, dynamicLinks);            // -> [v (t) fid sid cid]
            Hooks.call(mv, Hooks.FIELDS, "readStatic", staticDescriptor()); // -> [v]
        }
    }

    private void putStatic(MemberResolver.Field field, String owner, String name, String descriptor) {
        if (jdk && field.isVolatile() && !field.isFinal()) {
            Hooks.pushInt(mv, jdkFieldId(field, name));                       // [v] -> [v jid]
            Hooks.call(mv, Hooks.FIELDS, "jdkVolatileWriteStatic", "(I)V");  // -> [v], the release before the write
        }
        if (field.isFinal() || jdk) {
            super.visitFieldInsn(Opcodes.PUTSTATIC, owner, name, descriptor); // only in <clinit>
            return;
        }
        int classId = classId(field);
        if (!field.isVolatile() && !checksPlainStatic(field)) {
            super.visitFieldInsn(Opcodes.PUTSTATIC, owner, name, descriptor); // [v] -> []
            classUse(owner, classId);
            return;
        }
        int fieldId = fieldId(field, name);
        if (field.isVolatile()) {
            ClassIds.pushStaticField(mv, owner, fieldId, classConstants, dynamicLinks);     // [v] -> [v fid]
            Hooks.call(mv, Hooks.FIELDS, "volatileWriteStatic", "(I)V");                    // -> [v], the release before the write
            super.visitFieldInsn(Opcodes.PUTSTATIC, owner, name, descriptor); // [v] -> []
            classUse(owner, classId);
            return;
        }
        super.visitFieldInsn(Opcodes.PUTSTATIC, owner, name, descriptor); // [v] -> []
        pushThread();                                                     // -> [t], when there is one
        ClassIds.pushStaticField(mv, owner, fieldId, classConstants, dynamicLinks);     // -> [(t) fid]
        Hooks.pushInt(mv, site.site(fieldId, true));                      // -> [(t) fid sid]
        ClassIds.push(mv, owner, classId, classConstants, dynamicLinks);                // -> [(t) fid sid cid]
        Hooks.call(mv, Hooks.FIELDS, "writeStatic", staticDescriptor());  // -> []
    }

    /**
     * Whether a plain (non-volatile, non-final) instance field's accesses are checked here: in a
     * checked class, or in JDK code for the fields of the JDK's collections ({@link JdkCollections}).
     */
    private boolean checksPlain(MemberResolver.Field field, String name) {
        return jdk ? JdkCollections.checks(field.declaringClass(), name) : checkAccesses && !field.isSynthetic();
    }

    /** Same for a static field, which also needs class constants to be scoped by its real class. */
    private boolean checksPlainStatic(MemberResolver.Field field) {
        return checksPlain(field, null) && classConstants;
    }

    /**
     * [obj] -> []: the access event for a plain field. A checked method passes the shadow state and
     * the thread: [obj] -> DUP -> [obj obj] -> shadow -> [obj vs] -> ALOAD t -> [obj vs t] -> ids ->
     * [obj vs t fid sid] -> hook. The shadow comes from the class's own accessor in the declaring
     * class, from an {@code invokedynamic} bound to that accessor elsewhere ({@code ShadowLinks}).
     * Without a thread local: [obj] -> (DUP, accessor in the declaring class) -> ids -> hook.
     */
    private void plainHook(MemberResolver.Field field, String owner, String name, int fieldId, boolean write) {
        if (jdk) {
            Hooks.pushInt(mv, fieldId);                                                 // [obj] -> [obj jid]
            Hooks.call(mv, Hooks.FIELDS, write ? "jdkWrite" : "jdkRead", OBJ_I);        // -> []
            return;
        }
        String hook = write ? "write" : "read";
        boolean own = shadows.has(field.declaringClass(), name);
        if (threadLocal >= 0) {
            super.visitInsn(Opcodes.DUP);                          // [obj] -> [obj obj]
            if (own) {
                shadows.emitRead(mv, name);                        // -> [obj vs]
            } else if (dynamicLinks && ShadowFieldPlan.canShadow(field.declaringClass(), name)) {
                super.visitInvokeDynamicInsn(name, SHADOW_SITE, SHADOW_LINK, owner.replace('/', '.'),
                        field.declaringClass());                   // -> [obj vs]
            } else {
                super.visitInsn(Opcodes.POP);                      // -> [obj]
                super.visitInsn(Opcodes.ACONST_NULL);              // -> [obj null]
            }
            super.visitVarInsn(Opcodes.ALOAD, threadLocal);        // -> [obj vs t]
            Hooks.pushInt(mv, fieldId);                            // -> [obj vs t fid]
            Hooks.pushInt(mv, site.site(fieldId, write));          // -> [obj vs t fid sid]
            Hooks.call(mv, Hooks.FIELDS, hook, OBJ_STATE_OBJ_II);  // -> []
        } else if (own) {
            super.visitInsn(Opcodes.DUP);
            shadows.emitRead(mv, name);
            Hooks.pushInt(mv, fieldId);
            Hooks.pushInt(mv, site.site(fieldId, write));
            Hooks.call(mv, Hooks.FIELDS, hook, OBJ_STATE_II);
        } else {
            Hooks.pushInt(mv, fieldId);
            Hooks.pushInt(mv, site.site(fieldId, write));
            Hooks.call(mv, Hooks.FIELDS, hook, OBJ_II);
        }
    }

    /** [..] -> [.. t]: the thread's state, when the method keeps it in a local. */
    private void pushThread() {
        if (threadLocal >= 0) {
            super.visitVarInsn(Opcodes.ALOAD, threadLocal);
        }
    }

    /** The volatile instance field hooks' descriptor: with the thread when the method keeps it. */
    private String volatileDescriptor() {
        return threadLocal >= 0 ? "(Ljava/lang/Object;Ljava/lang/Object;I)V" : OBJ_I;
    }

    /** The static access hooks' descriptor: with the thread when the method keeps it. */
    private String staticDescriptor() {
        return threadLocal >= 0 ? "(Ljava/lang/Object;III)V" : "(III)V";
    }

    /** [..] -> [..]: records that the class {@code classId} is in use (acquires its initializer). */
    private void classUse(String owner, int classId) {
        pushThread();                                                    // [..] -> [.. (t)]
        ClassIds.push(mv, owner, classId, classConstants, dynamicLinks); // -> [.. (t) cid]
        Hooks.call(mv, Hooks.FIELDS, "classUse", threadLocal >= 0 ? "(Ljava/lang/Object;I)V" : "(I)V"); // -> [..]
    }

    /** [obj v] -> [obj v obj], for a one- or two-slot value. */
    private void copyObjectBelowValue(boolean wide) {
        if (wide) {
            super.visitInsn(Opcodes.DUP2_X1); // [obj vv] -> [vv obj vv]
            super.visitInsn(Opcodes.POP2);    // -> [vv obj]
            super.visitInsn(Opcodes.DUP_X2);  // -> [obj vv obj]
        } else {
            super.visitInsn(Opcodes.SWAP);    // [obj v] -> [v obj]
            super.visitInsn(Opcodes.DUP_X1);  // -> [obj v obj]
        }
    }

    /** [obj v] -> [v obj], for a one- or two-slot value. */
    private void moveObjectAboveValue(boolean wide) {
        if (wide) {
            super.visitInsn(Opcodes.DUP2_X1); // [obj vv] -> [vv obj vv]
            super.visitInsn(Opcodes.POP2);    // -> [vv obj]
        } else {
            super.visitInsn(Opcodes.SWAP);
        }
    }

    /**
     * A field's id in JDK code is a {@link JdkFields} id (so instrumented JDK classes can be reused
     * across JVMs); elsewhere the runtime's field id.
     */
    private int accessId(MemberResolver.Field field, String name) {
        return jdk ? jdkFieldId(field, name) : fieldId(field, name);
    }

    private static int jdkFieldId(MemberResolver.Field field, String name) {
        return JdkFields.idOf(field.declaringClass(), name, field.descriptor());
    }

    private int fieldId(MemberResolver.Field field, String name) {
        return Registry.fieldId(field.declaringClass(), name, field.descriptor());
    }

    private int classId(MemberResolver.Field field) {
        return Registry.classId(field.declaringClass());
    }
}
