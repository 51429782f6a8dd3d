package dev.racedet.agent.instrument;

import dev.racedet.runtime.Registry;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * In checked code, plain {@code Unsafe} reads and writes of a location ({@code getInt(Object, long)},
 * {@code putReference(Object, long, Object)}, ..., of {@code sun.misc.Unsafe} and
 * {@code jdk.internal.misc.Unsafe}) become plain accesses of the field or array element at that
 * location: {@code unsafeRead(base, offset, site)} / {@code unsafeWrite(...)} before the call. The
 * other modes are {@link AtomicCallVisitor}'s (synchronization, never an access); off-heap addresses
 * and static fields are not checked.
 *
 * <p>The stored value is parked in a fresh local above every local the method uses
 * ({@code firstFreeLocal}), as {@link AtomicCallVisitor} does; the sequence is straight-line.
 */
final class PlainUnsafeCallVisitor extends MethodVisitor {
    private static final String[] TYPES = {"Int", "Long", "Reference", "Object", "Boolean", "Byte", "Short", "Char",
        "Float", "Double"};
    private static final String LOCATION = "(Ljava/lang/Object;J";
    private final SiteTracker site;
    private final int firstFreeLocal;
    private int localsNeeded;

    /** @param firstFreeLocal the method's max locals as compiled, or -1 if the class names no Unsafe class */
    PlainUnsafeCallVisitor(MethodVisitor next, SiteTracker site, int firstFreeLocal) {
        super(Opcodes.ASM9, next);
        this.site = site;
        this.firstFreeLocal = firstFreeLocal;
    }

    /** Whether {@code name} is a plain read ({@code get<Type>}) or write ({@code put<Type>}) of a location. */
    static boolean isPlain(String name, String descriptor) {
        if (!descriptor.startsWith(LOCATION) || name.length() < 4
                || !(name.startsWith("get") || name.startsWith("put"))) {
            return false;
        }
        String type = name.substring(3);
        for (String t : TYPES) {
            if (t.equals(type)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (firstFreeLocal < 0 || opcode != Opcodes.INVOKEVIRTUAL || !AtomicCallVisitor.isUnsafe(owner)
                || !isPlain(name, descriptor)) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        boolean write = name.startsWith("put");
        int unnamed = Registry.fieldId("", "[]", "");
        int siteId = site.site(unnamed, write);
        localsNeeded = Math.max(localsNeeded, parkAndHook(mv, descriptor, write, firstFreeLocal, v -> {
            Hooks.pushInt(v, siteId);                                         // [.. o off] -> [.. o off sid]
            Hooks.call(v, Hooks.FIELDS, write ? "unsafeWrite" : "unsafeRead", "(Ljava/lang/Object;JI)V"); // -> [..]
        }));
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    /**
     * Before a plain {@code Unsafe} call on {@code (Object, long[, value])} whose arguments are on the
     * stack: parks the offset (and value) in locals from {@code firstFreeLocal}, pushes the object and
     * offset again, lets {@code hook} push its other arguments and call the hook (which consumes the
     * object and offset), and reloads the arguments as they were.
     *
     * @return the locals needed from 0 (max locals at least this)
     */
    static int parkAndHook(MethodVisitor mv, String descriptor, boolean write, int firstFreeLocal,
                           java.util.function.Consumer<MethodVisitor> hook) {
        Type[] args = Type.getArgumentTypes(descriptor);
        int offsetLocal = firstFreeLocal;
        int valueLocal = firstFreeLocal + 2;
        if (write) {
            mv.visitVarInsn(args[2].getOpcode(Opcodes.ISTORE), valueLocal);  // [u o off v] -> [u o off]
        }
        mv.visitVarInsn(Opcodes.LSTORE, offsetLocal);                        // -> [u o]
        mv.visitInsn(Opcodes.DUP);                                            // -> [u o o]
        mv.visitVarInsn(Opcodes.LLOAD, offsetLocal);                         // -> [u o o off]
        hook.accept(mv);                                                      // -> [u o]
        mv.visitVarInsn(Opcodes.LLOAD, offsetLocal);                         // -> [u o off]
        if (write) {
            mv.visitVarInsn(args[2].getOpcode(Opcodes.ILOAD), valueLocal);   // -> [u o off v]
        }
        return valueLocal + (write ? args[2].getSize() : 0);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitMaxs(maxStack, Math.max(maxLocals, localsNeeded));
    }
}
