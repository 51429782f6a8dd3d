package dev.racedet.agent.instrument;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * In the JDK's implementation of the plain {@code VarHandle} access modes on instance fields and
 * array elements ({@code java.lang.invoke.VarHandleInts$FieldInstanceReadOnly.get},
 * {@code $FieldInstanceReadWrite.set}, {@code $Array.get}/{@code set}, for every element type),
 * reports the location accessed before the access: {@code varHandleField(holder, offset, write)}
 * before the plain {@code Unsafe} call of a field handle, {@code varHandleElement(array, index,
 * write)} before the element load or store of an array handle. The runtime checks it only when
 * checked code marked the call ({@link VarHandleCallVisitor}), so the JDK's own plain accesses stay
 * unchecked.
 *
 * <p>Arguments under the stored value are reached by parking it (and the offset) in fresh locals
 * above every local the method uses ({@code firstFreeLocal}); the sequences are straight-line, so no
 * stack map frame needs them.
 */
final class JdkPlainVarHandleVisitor extends MethodVisitor {
    private static final String PACKAGE = "java/lang/invoke/VarHandle";
    private static final String[] TYPES = {"Ints", "Longs", "References", "Booleans", "Bytes", "Shorts", "Chars",
        "Floats", "Doubles"};

    private final boolean write;
    private final int firstFreeLocal;
    private int localsNeeded;

    private JdkPlainVarHandleVisitor(MethodVisitor next, boolean write, int firstFreeLocal) {
        super(Opcodes.ASM9, next);
        this.write = write;
        this.firstFreeLocal = firstFreeLocal;
    }

    /**
     * The visitor for method {@code name} of JDK class {@code owner} (internal name) if it implements a
     * plain {@code VarHandle} access of a field or element, else {@code next} itself.
     */
    static MethodVisitor wrap(MethodVisitor next, String owner, String name, int access, int firstFreeLocal) {
        if (firstFreeLocal < 0 || (access & Opcodes.ACC_STATIC) == 0 || !isImplementation(owner, name)) {
            return next;
        }
        return new JdkPlainVarHandleVisitor(next, name.equals("set"), firstFreeLocal);
    }

    /** Whether {@code owner.name} is one of the plain-mode implementations named in the class comment. */
    static boolean isImplementation(String owner, String name) {
        if (!owner.startsWith(PACKAGE)) {
            return false;
        }
        int dollar = owner.indexOf('$');
        if (dollar < 0 || !isTypeName(owner.substring(PACKAGE.length(), dollar))) {
            return false;
        }
        String kind = owner.substring(dollar + 1);
        return switch (kind) {
            case "FieldInstanceReadOnly" -> name.equals("get");
            case "FieldInstanceReadWrite" -> name.equals("set");
            case "Array" -> name.equals("get") || name.equals("set");
            default -> false;
        };
    }

    private static boolean isTypeName(String s) {
        for (String t : TYPES) {
            if (t.equals(s)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name} is a plain {@code Unsafe} read or write of the kind this method makes. */
    private boolean isPlainUnsafe(String name, String descriptor) {
        return PlainUnsafeCallVisitor.isPlain(name, descriptor) && name.startsWith(write ? "put" : "get");
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("jdk/internal/misc/Unsafe")
                && isPlainUnsafe(name, descriptor)) {
            localsNeeded = Math.max(localsNeeded, PlainUnsafeCallVisitor.parkAndHook(mv, descriptor, write,
                    firstFreeLocal, v -> {
                        Hooks.pushInt(v, write ? 1 : 0);                  // [.. o off] -> [.. o off w]
                        Hooks.call(v, Hooks.FIELDS, "varHandleField", "(Ljava/lang/Object;JZ)V"); // -> [..]
                    }));
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInsn(int opcode) {
        if (!write && opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD) {
            super.visitInsn(Opcodes.DUP2);                                        // [a i] -> [a i a i]
            Hooks.pushInt(mv, 0);
            Hooks.call(mv, Hooks.FIELDS, "varHandleElement", "(Ljava/lang/Object;IZ)V"); // -> [a i]
        } else if (write && opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE) {
            Type value = storedType(opcode);
            int valueLocal = firstFreeLocal;
            super.visitVarInsn(value.getOpcode(Opcodes.ISTORE), valueLocal);     // [a i v] -> [a i]
            super.visitInsn(Opcodes.DUP2);                                        // -> [a i a i]
            Hooks.pushInt(mv, 1);
            Hooks.call(mv, Hooks.FIELDS, "varHandleElement", "(Ljava/lang/Object;IZ)V"); // -> [a i]
            super.visitVarInsn(value.getOpcode(Opcodes.ILOAD), valueLocal);      // -> [a i v]
            localsNeeded = Math.max(localsNeeded, valueLocal + value.getSize());
        }
        super.visitInsn(opcode);
    }

    private static Type storedType(int opcode) {
        return switch (opcode) {
            case Opcodes.LASTORE -> Type.LONG_TYPE;
            case Opcodes.FASTORE -> Type.FLOAT_TYPE;
            case Opcodes.DASTORE -> Type.DOUBLE_TYPE;
            case Opcodes.AASTORE -> Type.getType(Object.class);
            default -> Type.INT_TYPE; // IASTORE, BASTORE, CASTORE, SASTORE take an int
        };
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitMaxs(maxStack, Math.max(maxLocals, localsNeeded));
    }
}
