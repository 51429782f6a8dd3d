package dev.racedet.agent.instrument;

import dev.racedet.runtime.Registry;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Adds the {@link ShadowFieldPlan shadow fields} of a checked class and builds, for every method with
 * code, the chain of method visitors, one per concern: {@link SiteTracker} (source line, stack size),
 * {@link FieldAccessVisitor}, {@link ArrayAccessVisitor}, {@link CollectionCallVisitor},
 * {@link StampedLockCallVisitor}, {@link VarHandleCallVisitor}, {@link PlainUnsafeCallVisitor},
 * {@link AtomicCallVisitor}, {@link SyncCallVisitor}, {@link MonitorVisitor},
 * {@link SynchronizedMethodVisitor} and {@link ClassInitVisitor}.
 *
 * <p>A JDK class ({@code jdk} mode) gets its synchronization only: monitors, volatile fields,
 * {@code Unsafe} operations, waits; no shadow, no class initialization edge (the JDK's static state
 * is not checked, so those edges would only cost), and no plain access but to the fields of the
 * {@link JdkCollections JDK collections} and the plain modes of {@code VarHandle}s
 * ({@link JdkPlainVarHandleVisitor}); its class loading and linkage methods run as
 * {@link InternalScopeVisitor internal scopes}, which must be the first visitor of the chain.
 */
final class InstrumentingClassVisitor extends ClassVisitor {
    private final MemberResolver resolver;
    private final MaxLocals maxLocals;
    private final boolean jdk;
    private final boolean checkAccesses;
    private final boolean mayAddMembers;
    private int version;
    private String internalName;
    private String className;
    private String sourceFile = "Unknown Source";
    private ShadowFieldPlan shadows;
    private boolean shadowsAllowed;

    /**
     * @param checkAccesses whether plain field accesses become race checks, or only sync is tracked
     * @param mayAddMembers whether shadow fields may be added (first load of a class that has no
     *                      racedet members yet, or a retransformation of a class that got them then)
     */
    InstrumentingClassVisitor(ClassVisitor next, MemberResolver resolver, MaxLocals maxLocals,
                              boolean checkAccesses, boolean mayAddMembers) {
        this(next, resolver, maxLocals, false, checkAccesses, mayAddMembers);
    }

    private InstrumentingClassVisitor(ClassVisitor next, MemberResolver resolver, MaxLocals maxLocals, boolean jdk,
                                      boolean checkAccesses, boolean mayAddMembers) {
        super(Opcodes.ASM9, next);
        this.resolver = resolver;
        this.maxLocals = maxLocals;
        this.jdk = jdk;
        this.checkAccesses = checkAccesses;
        this.mayAddMembers = mayAddMembers;
    }

    /** For a class of the JDK: its synchronization only, no member added. */
    static InstrumentingClassVisitor forJdk(ClassVisitor next, MemberResolver resolver, MaxLocals maxLocals) {
        return new InstrumentingClassVisitor(next, resolver, maxLocals, true, false, false);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
        this.version = version;
        this.internalName = name;
        this.className = name.replace('/', '.');
        this.shadows = new ShadowFieldPlan(name);
        // Shadows need stack map frames (Java 6+) and an instance to live in.
        shadowsAllowed = checkAccesses && mayAddMembers && (version & 0xFFFF) >= Opcodes.V1_6
                && (access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_MODULE)) == 0;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
        if (source != null) {
            sourceFile = source;
        }
        super.visitSource(source, debug);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        // Synthetic fields (JaCoCo's $jacocoData, javac's this$0) are never checked: no shadow.
        int kinds = Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_VOLATILE | Opcodes.ACC_SYNTHETIC;
        if (shadowsAllowed && (access & kinds) == 0) {
            shadows.add(name, Registry.fieldId(className, name, descriptor));
        }
        return super.visitField(access, name, descriptor, signature, value);
    }

    @Override
    public void visitEnd() {
        shadows.addMembers(cv);
        super.visitEnd();
    }

    /** Whether shadow fields were added (after the class was visited). */
    boolean addedShadows() {
        return shadows != null && !shadows.isEmpty();
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (mv == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return mv;
        }
        // LDC of a class constant needs class file version 49 (Java 5).
        boolean classConstants = (version & 0xFFFF) >= Opcodes.V1_5;
        if (name.equals("<clinit>") && !jdk) {
            mv = new ClassInitVisitor(mv, internalName, Registry.classId(className), classConstants);
        }
        boolean oldClassFile = (version & 0xFFFF) < Opcodes.V1_5;
        if ((access & Opcodes.ACC_SYNCHRONIZED) != 0 && !oldClassFile) {
            boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
            mv = new SynchronizedMethodVisitor(mv, internalName, isStatic, (version & 0xFFFF) >= Opcodes.V1_6, descriptor);
        }
        mv = new MonitorVisitor(mv);
        mv = new SyncCallVisitor(mv);
        int firstFreeLocal = maxLocals.of(name, descriptor);
        boolean scoped = jdk && firstFreeLocal >= 0 && JdkInternalScopes.covers(internalName, name);
        boolean contexts = checkAccesses && !jdk && firstFreeLocal >= 0;
        // Locals the first visitor of the chain takes come first; the others' fresh locals follow them.
        int freeLocal = firstFreeLocal < 0 ? firstFreeLocal
                : firstFreeLocal + (scoped ? 1 : 0) + (contexts ? ContextVisitor.LOCALS : 0);
        if (firstFreeLocal >= 0) {
            mv = new AtomicCallVisitor(mv, freeLocal);
        }
        if (jdk) {
            mv = JdkPlainVarHandleVisitor.wrap(mv, internalName, name, access, freeLocal);
        }
        SiteTracker site = new SiteTracker(className, name, sourceFile);
        // The thread's state, which checked methods keep in a local for the hooks' fast paths.
        int threadLocal = contexts ? firstFreeLocal : -1;
        if (checkAccesses && !jdk) {
            mv = new CollectionCallVisitor(mv, site, threadLocal);
            mv = new StampedLockCallVisitor(mv);
            mv = new VarHandleCallVisitor(mv, site);
            mv = new PlainUnsafeCallVisitor(mv, site, freeLocal);
        }
        mv = new FieldAccessVisitor(mv, site, resolver, name.equals("<init>"), checkAccesses, classConstants && !jdk,
                jdk, shadows, threadLocal, (version & 0xFFFF) >= Opcodes.V1_7);
        if (checkAccesses && !jdk) {
            mv = new ArrayAccessVisitor(mv, site, resolver, threadLocal);
        }
        mv = site.attach(mv);
        // First of the chain, so every other visitor sees the scope's or the context's locals.
        boolean frames = (version & 0xFFFF) >= Opcodes.V1_6;
        if (contexts) {
            // A synchronized method's own catch-all (SynchronizedMethodVisitor) covers the context
            // handler and needs `this` described in it; elsewhere `this` may be unset in handlers.
            boolean synchronizedInstance = (access & (Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED))
                    == Opcodes.ACC_SYNCHRONIZED;
            String owner = synchronizedInstance ? internalName : null;
            return new ContextVisitor(mv, firstFreeLocal, name.equals("<init>"), frames, owner, className, name,
                    sourceFile);
        }
        return scoped ? new InternalScopeVisitor(mv, firstFreeLocal, frames) : mv;
    }
}
