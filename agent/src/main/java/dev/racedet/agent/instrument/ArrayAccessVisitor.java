package dev.racedet.agent.instrument;

import dev.racedet.runtime.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Instruments array elements in checked code: a read hook before every xALOAD and a write hook
 * before every xASTORE, each given the array, the index and a site id, with only stack shuffles (the
 * stack map frames stay valid; at most 3 slots above the original stack). Bulk operations of the JDK
 * called here become calls of {@code ArrayHooks} methods that make the same call and record the
 * elements it touched: {@code System.arraycopy}, {@code Arrays.fill}, {@code Arrays.copyOf},
 * {@code Arrays.copyOfRange}; an array's {@code clone()} gets a read hook before it.
 *
 * <p>Sites are named by the field the array was loaded from when that is visible in straight-line
 * code (a GETFIELD/GETSTATIC of an array type followed by the index computation and the access,
 * {@code cells[i]}, {@code cells[i]++}, {@code grid[r][c]}), otherwise left unnamed and the report
 * names the array by its type. The naming is a heuristic over the instruction stream (a small stack
 * of array fields, forgotten at any instruction that might consume one); it only affects the names in
 * reports, never what is detected.
 */
final class ArrayAccessVisitor extends MethodVisitor {
    private static final String ACCESS = "(Ljava/lang/Object;II)V";
    private static final String ACCESS_IN_THREAD = "(Ljava/lang/Object;ILjava/lang/Object;I)V";
    /** The Arrays methods replaced by a hook of the same name taking one more int (the site). */
    private static final Set<String> BULK = bulkOperations();

    private final SiteTracker site;
    private final MemberResolver resolver;
    /**
     * Array fields whose value may still be on the stack, innermost last: {declaring class, name as
     * reported ({@code cells[]}, {@code grid[][]} for a row), array descriptor}.
     */
    private final List<String[]> pending = new ArrayList<>();
    private boolean afterDup2;
    /** The local holding JaCoCo's probe array ({@code $jacocoInit()} / {@code $jacocoData}), or -1. */
    private int probesLocal = -1;
    private boolean afterProbesInit;
    /**
     * How far JaCoCo's probe store {@code aload probes; push i; iconst_1; bastore} has come (0-3):
     * racedet leaves probe stores alone, a benign race JaCoCo makes on purpose.
     */
    private int probeStep;

    /** The local holding the thread's state ({@link ContextVisitor}), or -1 if the method keeps none. */
    private final int threadLocal;

    ArrayAccessVisitor(MethodVisitor next, SiteTracker site, MemberResolver resolver, int threadLocal) {
        super(Opcodes.ASM9, next);
        this.threadLocal = threadLocal;
        this.site = site;
        this.resolver = resolver;
    }

    @Override
    public void visitInsn(int opcode) {
        boolean dup2 = afterDup2;
        afterDup2 = false;
        afterProbesInit = false;
        int step = probeStep;
        probeStep = step == 1 && opcode >= Opcodes.ICONST_0 && opcode <= Opcodes.ICONST_5 ? 2
                : step == 2 && opcode == Opcodes.ICONST_1 ? 3 : 0;
        if (step == 3 && opcode == Opcodes.BASTORE) {
            super.visitInsn(opcode); // a JaCoCo probe: [probes i true] -> []
            return;
        }
        if (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD) {
            String[] array = arrayFor(opcode == Opcodes.AALOAD, !dup2); // a DUP2 before: the store follows
            super.visitInsn(Opcodes.DUP2);                              // [a i] -> [a i a i]
            elementHook("read", siteOf(array, false));                  // -> [a i]
            super.visitInsn(opcode);
            if (array != null && array[2].startsWith("[[") && !dup2) {
                pending.add(new String[] {array[0], array[1] + "[]", array[2].substring(1)}); // a row
            }
            return;
        }
        if (opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE) {
            String[] array = arrayFor(opcode == Opcodes.AASTORE, true);
            int sid = siteOf(array, true);
            if (opcode == Opcodes.LASTORE || opcode == Opcodes.DASTORE) {
                super.visitInsn(Opcodes.DUP2_X2); // [a i vv] -> [vv a i vv]
                super.visitInsn(Opcodes.POP2);    // -> [vv a i]
                super.visitInsn(Opcodes.DUP2_X2); // -> [a i vv a i]
            } else {
                super.visitInsn(Opcodes.DUP_X2);  // [a i v] -> [v a i v]
                super.visitInsn(Opcodes.POP);     // -> [v a i]
                super.visitInsn(Opcodes.DUP2_X1); // -> [a i v a i]
            }
            elementHook("write", sid);                             // -> [a i v]
            super.visitInsn(opcode);
            return;
        }
        if (opcode == Opcodes.ARRAYLENGTH) {
            if (!pending.isEmpty()) {
                pending.remove(pending.size() - 1);
            }
        } else if (opcode == Opcodes.DUP2) {
            afterDup2 = true;
        } else if (!keepsArrays(opcode)) {
            pending.clear();
        }
        super.visitInsn(opcode);
    }

    /**
     * [a i] -> []: the element hook, given the thread's state when the method keeps it:
     * [a i] -> ALOAD t -> [a i t] -> [a i t sid], else [a i] -> [a i sid].
     */
    private void elementHook(String hook, int sid) {
        if (threadLocal >= 0) {
            super.visitVarInsn(Opcodes.ALOAD, threadLocal);
        }
        Hooks.pushInt(mv, sid);
        Hooks.call(mv, Hooks.ARRAYS, hook, threadLocal >= 0 ? ACCESS_IN_THREAD : ACCESS);
    }

    /** Instructions that compute an index (or duplicate a value) and consume no array reference. */
    private static boolean keepsArrays(int opcode) {
        return opcode >= Opcodes.ACONST_NULL && opcode <= Opcodes.DCONST_1
                || opcode >= Opcodes.IADD && opcode <= Opcodes.I2S
                || opcode >= Opcodes.LCMP && opcode <= Opcodes.DCMPG
                || opcode >= Opcodes.DUP && opcode <= Opcodes.DUP2_X2;
    }

    /**
     * The innermost pending array field if its type fits the instruction (an array of references for
     * AALOAD/AASTORE, of primitives otherwise), taken off the list if {@code take}; else nothing
     * is known and the list is forgotten.
     */
    private String[] arrayFor(boolean references, boolean take) {
        if (pending.isEmpty()) {
            return null;
        }
        String[] top = pending.get(pending.size() - 1);
        char element = top[2].charAt(1);
        if ((element == 'L' || element == '[') != references) {
            pending.clear();
            return null;
        }
        if (take) {
            pending.remove(pending.size() - 1);
        }
        return top;
    }

    /** The site of an element access of {@code array} (a pending field, or unknown) on the current line. */
    private int siteOf(String[] array, boolean write) {
        int fieldId = array == null ? Registry.fieldId("", "[]", "") : Registry.fieldId(array[0], array[1], array[2]);
        return site.site(fieldId, write);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        afterDup2 = false;
        probeStep = 0;
        afterProbesInit = false;
        if ((opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC) && descriptor.startsWith("[")) {
            MemberResolver.Field field = resolver.field(owner, name, descriptor);
            String declaring = field == null ? owner.replace('/', '.') : field.declaringClass();
            pending.add(new String[] {declaring, name + "[]", descriptor});
        } else if (opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC) {
            if (descriptor.startsWith("[") || descriptor.startsWith("L")) {
                pending.clear(); // the value stored may be a pending array
            }
        }
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        afterDup2 = false;
        probeStep = 0;
        afterProbesInit = opcode == Opcodes.INVOKESTATIC && name.equals("$jacocoInit") && descriptor.endsWith(")[Z");
        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && name.equals("arraycopy")
                && descriptor.equals("(Ljava/lang/Object;ILjava/lang/Object;II)V")) {
            pending.clear();
            int unnamed = Registry.fieldId("", "[]", "");
            Hooks.pushInt(mv, site.site(unnamed, false)); // [src sp dst dp n] -> [.. rsid]
            Hooks.pushInt(mv, site.site(unnamed, true));  // -> [.. rsid wsid]
            Hooks.call(mv, Hooks.ARRAYS, "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;IIII)V");
            return;
        }
        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/util/Arrays") && BULK.contains(name + descriptor)) {
            pending.clear();
            boolean write = name.equals("fill");
            Hooks.pushInt(mv, site.site(Registry.fieldId("", "[]", ""), write)); // [args] -> [args sid]
            Hooks.call(mv, Hooks.ARRAYS, name, descriptor.replace(")", "I)"));
            return;
        }
        if (opcode == Opcodes.INVOKEVIRTUAL && owner.startsWith("[") && name.equals("clone")
                && descriptor.equals("()Ljava/lang/Object;")) {
            pending.clear();
            super.visitInsn(Opcodes.DUP);                                                 // [a] -> [a a]
            Hooks.pushInt(mv, site.site(Registry.fieldId("", "[]", ""), false));          // -> [a a sid]
            Hooks.call(mv, Hooks.ARRAYS, "cloneRead", "(Ljava/lang/Object;I)V");          // -> [a]
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        if (!Hooks.isFacade(owner) && (mayTakeArray(descriptor) || opcode != Opcodes.INVOKESTATIC
                && (owner.startsWith("[") || owner.equals("java/lang/Object")))) {
            pending.clear();
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    /** Whether a call may consume a pending array: it takes a reference argument. */
    private static boolean mayTakeArray(String descriptor) {
        for (Type arg : Type.getArgumentTypes(descriptor)) {
            if (arg.getSort() == Type.ARRAY || arg.getSort() == Type.OBJECT) {
                return true;
            }
        }
        return false;
    }

    // Everything else may branch or consume a reference: the pending fields are forgotten.

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        afterDup2 = false;
        if (opcode == Opcodes.ASTORE && afterProbesInit) {
            probesLocal = varIndex;
        } else if (opcode == Opcodes.ASTORE && varIndex == probesLocal) {
            probesLocal = -1; // the local is reused
        }
        probeStep = opcode == Opcodes.ALOAD && varIndex == probesLocal ? 1 : 0;
        afterProbesInit = false;
        if (opcode >= Opcodes.ISTORE) {
            pending.clear();
        }
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        afterDup2 = false; // BIPUSH, SIPUSH, NEWARRAY consume no reference
        probeStep = probeStep == 1 && opcode != Opcodes.NEWARRAY ? 2 : 0;
        afterProbesInit = false;
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitLdcInsn(Object value) {
        afterDup2 = false;
        probeStep = probeStep == 1 && value instanceof Integer ? 2 : 0;
        // JaCoCo's probe array as a dynamic constant (class files of Java 11 and later)
        afterProbesInit = value instanceof net.bytebuddy.jar.asm.ConstantDynamic c && c.getName().equals("$jacocoData");
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        afterDup2 = false;
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        afterDup2 = false;
        probeStep = 0;
        afterProbesInit = afterProbesInit && opcode == Opcodes.CHECKCAST && type.equals("[Z"); // condy gives Object
        if (opcode == Opcodes.INSTANCEOF) {
            pending.clear(); // NEW and ANEWARRAY consume no reference, CHECKCAST gives it back
        }
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        forget();
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLabel(Label label) {
        afterDup2 = false; // a label without a frame (a line start) is no branch target: keep the fields
        super.visitLabel(label);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        forget(); // a branch target or handler: the stack may come from elsewhere
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        forget();
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        forget();
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... bsmArgs) {
        forget();
        super.visitInvokeDynamicInsn(name, descriptor, bsm, bsmArgs);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        forget();
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    private void forget() {
        afterDup2 = false;
        pending.clear();
    }

    private static Set<String> bulkOperations() {
        Set<String> ops = new java.util.HashSet<>();
        for (String e : new String[] {"J", "I", "S", "C", "B", "Z", "D", "F", "Ljava/lang/Object;"}) {
            String a = "[" + e;
            ops.add("fill(" + a + e + ")V");
            ops.add("fill(" + a + "II" + e + ")V");
            ops.add("copyOf(" + a + "I)" + a);
            ops.add("copyOfRange(" + a + "II)" + a);
        }
        ops.add("copyOf([Ljava/lang/Object;ILjava/lang/Class;)[Ljava/lang/Object;");
        ops.add("copyOfRange([Ljava/lang/Object;IILjava/lang/Class;)[Ljava/lang/Object;");
        return Set.copyOf(ops);
    }
}
