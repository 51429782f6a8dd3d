package dev.racedet.agent.instrument;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Calls of {@code jdk.internal.misc.Unsafe} and {@code sun.misc.Unsafe} that synchronize: atomic
 * operations on a location (an object or array and an offset, or an address) get a release hook
 * before them and/or an acquire hook after them, by their access mode (see {@link #modeOf}), and
 * fences get a fence hook. {@code VarHandle}s, field updaters and {@code java.util.concurrent} are
 * built from these calls, so modeling them inside the JDK models all of those.
 *
 * <p>The location is under the operation's values on the operand stack, so the arguments are parked
 * in fresh locals above every local the method uses ({@code firstFreeLocal}, from a pre-scan) and
 * reloaded; the sequence is straight-line, so no stack map frame needs them.
 */
final class AtomicCallVisitor extends MethodVisitor {
    /**
     * What an operation does, by its access mode. {@code PLAIN_STORE}: a plain reference store, which
     * the storing thread's next release publishes ({@code PlainWrites}).
     */
    enum Mode { NONE, ACQUIRE, RELEASE, BOTH, PLAIN_STORE }

    private static final String LOCATION = "(Ljava/lang/Object;J)V";
    private final int firstFreeLocal;
    private int localsNeeded;
    private boolean inserted;

    /** @param firstFreeLocal the method's max locals as compiled: every local from there on is free */
    AtomicCallVisitor(MethodVisitor next, int firstFreeLocal) {
        super(Opcodes.ASM9, next);
        this.firstFreeLocal = firstFreeLocal;
    }

    /** Whether {@code owner} (internal name) is one of the {@code Unsafe} classes. */
    static boolean isUnsafe(String owner) {
        return owner.equals("jdk/internal/misc/Unsafe") || owner.equals("sun/misc/Unsafe");
    }

    /**
     * The mode of an {@code Unsafe} method on a location ({@code (Object, long, ...)}): volatile and
     * acquire reads acquire; volatile, release and ordered writes release; read-modify-writes (CAS,
     * compare-and-exchange, get-and-add/set/bitwise) do both unless their suffix says
     * {@code Acquire}, {@code Release} or {@code Plain}; a plain reference store
     * ({@code putReference}, {@code putObject}) is a {@code PLAIN_STORE}; other plain, opaque and
     * unaligned accesses do neither (opaque gives no happens-before).
     */
    static Mode modeOf(String name) {
        if (name.equals("putReference") || name.equals("putObject")) {
            return Mode.PLAIN_STORE;
        }
        boolean readModifyWrite = name.startsWith("compareAnd") || name.startsWith("weakCompareAnd")
                || name.startsWith("getAnd");
        if (readModifyWrite) {
            return name.endsWith("Plain") ? Mode.NONE
                    : name.endsWith("Acquire") ? Mode.ACQUIRE
                    : name.endsWith("Release") ? Mode.RELEASE : Mode.BOTH;
        }
        if (name.startsWith("get") && (name.endsWith("Volatile") || name.endsWith("Acquire"))) {
            return Mode.ACQUIRE;
        }
        if (name.startsWith("put") && (name.endsWith("Volatile") || name.endsWith("Release"))
                || name.startsWith("putOrdered")) {
            return Mode.RELEASE;
        }
        return Mode.NONE;
    }

    /** The fence hook of an {@code Unsafe} fence method, or {@code null}. */
    static String fenceHook(String name) {
        return switch (name) {
            case "loadFence", "loadLoadFence" -> "loadFence";
            case "storeFence", "storeStoreFence" -> "storeFence";
            case "fullFence" -> "fullFence";
            default -> null;
        };
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (opcode != Opcodes.INVOKEVIRTUAL || !isUnsafe(owner)) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        String fence = descriptor.equals("()V") ? fenceHook(name) : null;
        if (fence != null) {
            Hooks.call(mv, Hooks.ATOMICS, fence, "()V"); // [u] -> [u]; a fence's edges do not depend on its order
            inserted = true;
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        Mode mode = descriptor.startsWith("(Ljava/lang/Object;J") ? modeOf(name) : Mode.NONE;
        if (mode == Mode.NONE) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        Type[] args = Type.getArgumentTypes(descriptor);
        int[] locals = new int[args.length];
        int next = firstFreeLocal;
        for (int i = 0; i < args.length; i++) {
            locals[i] = next;
            next += args[i].getSize();
        }
        localsNeeded = Math.max(localsNeeded, next);
        for (int i = args.length - 1; i >= 0; i--) {
            super.visitVarInsn(args[i].getOpcode(Opcodes.ISTORE), locals[i]); // [u o off v..] -> [u]
        }
        if (mode == Mode.RELEASE || mode == Mode.BOTH) {
            location(locals);                                                  // -> [u o off]
            Hooks.call(mv, Hooks.ATOMICS, "release", LOCATION);                // -> [u]
        }
        for (int i = 0; i < args.length; i++) {
            super.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), locals[i]);  // -> [u o off v..]
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);  // -> [r?]
        if (mode != Mode.RELEASE) {
            location(locals);                                                  // -> [r? o off]
            String after = mode == Mode.PLAIN_STORE ? "plainWrite" : "acquire";
            Hooks.call(mv, Hooks.ATOMICS, after, LOCATION);                    // -> [r?]
        }
        inserted = true;
    }

    /** [..] -> [.. o off] from the parked arguments. */
    private void location(int[] locals) {
        super.visitVarInsn(Opcodes.ALOAD, locals[0]);
        super.visitVarInsn(Opcodes.LLOAD, locals[1]);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        // the location (3 slots) above a result of up to 2 slots
        super.visitMaxs(inserted ? maxStack + 3 : maxStack, Math.max(maxLocals, localsNeeded));
    }
}
