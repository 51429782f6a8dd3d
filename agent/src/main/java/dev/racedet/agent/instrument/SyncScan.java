package dev.racedet.agent.instrument;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A quick read of a JDK class, without writing anything, that tells whether it synchronizes at all
 * the way racedet models (a monitor, a volatile field, an {@code Unsafe} operation, a wait or a
 * sleep), touches a field of a {@link JdkCollections JDK collection} or has a method run as an
 * {@link JdkInternalScopes internal scope}. Most JDK classes do not; they are then left exactly as
 * they are, which saves rewriting them and, for classes loaded before the agent, redefining them.
 */
final class SyncScan extends ClassVisitor {
    private final MemberResolver resolver;
    private boolean synchronizes;
    private String className;

    private SyncScan(MemberResolver resolver) {
        super(Opcodes.ASM9);
        this.resolver = resolver;
    }

    /** Whether the class {@code reader} reads has anything to instrument in {@code jdk} mode. */
    static boolean synchronizes(ClassReader reader, MemberResolver resolver) {
        SyncScan scan = new SyncScan(resolver);
        reader.accept(scan, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return scan.synchronizes;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
        className = name;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        if ((access & Opcodes.ACC_SYNCHRONIZED) != 0 || JdkInternalScopes.covers(className, name)) {
            synchronizes = true;
        }
        return synchronizes ? null : new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitInsn(int opcode) {
                if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) {
                    synchronizes = true;
                }
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
                if (!synchronizes) {
                    MemberResolver.Field field = resolver.field(owner, fieldName, fieldDescriptor);
                    synchronizes = field != null && !field.isFinal()
                            && (field.isVolatile() || !field.isStatic() && JdkCollections.checks(field.declaringClass(), fieldName));
                }
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String methodName, String methodDescriptor,
                                        boolean isInterface) {
                if (AtomicCallVisitor.isUnsafe(owner) || methodName.equals("wait")
                        || methodName.equals("sleep") && owner.equals("java/lang/Thread")) {
                    synchronizes = true;
                }
            }
        };
    }
}
