package dev.racedet.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * The verifier's view of the locals and the operand stack at the current instruction, followed through
 * a method's instructions in order, so that {@link MonitorVisitor} can write the stack map frames its
 * guard handlers need (ByteBuddy's shaded ASM has no {@code AnalyzerAdapter}).
 *
 * <p>Types are ASM frame types: {@link Opcodes#INTEGER} and friends, internal names for classes,
 * descriptors for arrays; a long or double takes two slots (the type, then {@link Opcodes#TOP}), as in
 * the JVM. The state is <em>known</em> after a full frame ({@link #reset}) and stays known while every
 * instruction's effect can be computed; it becomes unknown after an unconditional jump, a return or a
 * throw (until the next frame), after a {@code JSR}/{@code RET}, and when a constructor call
 * initializes a value whose type it cannot name. The caller must feed every instruction, in order.
 */
final class MonitorFrameTracker {
    /** An object created by NEW whose constructor has not run yet. */
    private static final class Uninitialized {
        final String type;

        Uninitialized(String type) {
            this.type = type;
        }
    }

    private final List<Object> locals = new ArrayList<>();
    private final List<Object> stack = new ArrayList<>();
    private boolean known;

    boolean known() {
        return known;
    }

    /** Nothing is known until the next full frame. */
    void forget() {
        known = false;
        locals.clear();
        stack.clear();
    }

    /** A full frame ({@code F_NEW}, compact: one entry per long/double), as ASM's reader expands it. */
    void reset(int nLocal, Object[] frameLocals, int nStack, Object[] frameStack) {
        locals.clear();
        stack.clear();
        for (int i = 0; i < nLocal; i++) {
            addExpanded(locals, frameLocals[i]);
        }
        for (int i = 0; i < nStack; i++) {
            addExpanded(stack, frameStack[i]);
        }
        known = true;
    }

    /** Number of local slots in use: the first index that is free at this point. */
    int localsSize() {
        return locals.size();
    }

    int stackSize() {
        return stack.size();
    }

    /** Type of the value {@code depth} slots below the top of the stack (0 = top). */
    Object stackType(int depth) {
        return stack.get(stack.size() - 1 - depth);
    }

    /** True if no local or stack slot holds a value whose constructor has not run yet. */
    boolean allInitialized() {
        for (List<Object> slots : List.of(locals, stack)) {
            for (Object t : slots) {
                if (t == Opcodes.UNINITIALIZED_THIS || t instanceof Label || t instanceof Uninitialized) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The locals in compact frame form (long/double as one entry), trailing unused slots dropped. */
    Object[] frameLocals() {
        return compact(locals);
    }

    private static Object[] compact(List<Object> slots) {
        int end = slots.size();
        while (end > 0 && slots.get(end - 1) == Opcodes.TOP) {
            end--;
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            Object t = slots.get(i);
            out.add(t);
            if (t == Opcodes.LONG || t == Opcodes.DOUBLE) {
                i++;
            }
        }
        return out.toArray();
    }

    private static void addExpanded(List<Object> slots, Object t) {
        slots.add(t);
        if (t == Opcodes.LONG || t == Opcodes.DOUBLE) {
            slots.add(Opcodes.TOP);
        }
    }

    // ---- instructions -----------------------------------------------------------------------------

    void insn(int opcode) {
        if (!known) {
            return;
        }
        switch (opcode) {
            case Opcodes.NOP, Opcodes.INEG, Opcodes.FNEG, Opcodes.I2B, Opcodes.I2C, Opcodes.I2S -> {
                if (opcode != Opcodes.NOP) {
                    pop(1);
                    push(opcode == Opcodes.FNEG ? Opcodes.FLOAT : Opcodes.INTEGER);
                }
            }
            case Opcodes.LNEG, Opcodes.DNEG -> { } // same type, same slots
            case Opcodes.ACONST_NULL -> push(Opcodes.NULL);
            case Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3,
                    Opcodes.ICONST_4, Opcodes.ICONST_5 -> push(Opcodes.INTEGER);
            case Opcodes.LCONST_0, Opcodes.LCONST_1 -> push(Opcodes.LONG);
            case Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2 -> push(Opcodes.FLOAT);
            case Opcodes.DCONST_0, Opcodes.DCONST_1 -> push(Opcodes.DOUBLE);
            case Opcodes.IALOAD, Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD -> popPush(2, Opcodes.INTEGER);
            case Opcodes.LALOAD -> popPush(2, Opcodes.LONG);
            case Opcodes.FALOAD -> popPush(2, Opcodes.FLOAT);
            case Opcodes.DALOAD -> popPush(2, Opcodes.DOUBLE);
            case Opcodes.AALOAD -> {
                pop(1);
                Object array = pop1();
                push(componentOf(array));
            }
            case Opcodes.IASTORE, Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE, Opcodes.FASTORE,
                    Opcodes.AASTORE -> pop(3);
            case Opcodes.LASTORE, Opcodes.DASTORE -> pop(4);
            case Opcodes.POP, Opcodes.MONITORENTER, Opcodes.MONITOREXIT -> pop(1);
            case Opcodes.POP2 -> pop(2);
            case Opcodes.DUP -> shuffle(1, 0);
            case Opcodes.DUP_X1 -> shuffle(1, 1);
            case Opcodes.DUP_X2 -> shuffle(1, 2);
            case Opcodes.DUP2 -> shuffle(2, 0);
            case Opcodes.DUP2_X1 -> shuffle(2, 1);
            case Opcodes.DUP2_X2 -> shuffle(2, 2);
            case Opcodes.SWAP -> {
                Object a = pop1();
                Object b = pop1();
                stack.add(a);
                stack.add(b);
            }
            case Opcodes.IADD, Opcodes.ISUB, Opcodes.IMUL, Opcodes.IDIV, Opcodes.IREM, Opcodes.ISHL, Opcodes.ISHR,
                    Opcodes.IUSHR, Opcodes.IAND, Opcodes.IOR, Opcodes.IXOR, Opcodes.FCMPL, Opcodes.FCMPG ->
                    popPush(2, Opcodes.INTEGER);
            case Opcodes.FADD, Opcodes.FSUB, Opcodes.FMUL, Opcodes.FDIV, Opcodes.FREM -> popPush(2, Opcodes.FLOAT);
            case Opcodes.LADD, Opcodes.LSUB, Opcodes.LMUL, Opcodes.LDIV, Opcodes.LREM, Opcodes.LAND, Opcodes.LOR,
                    Opcodes.LXOR -> popPush(4, Opcodes.LONG);
            case Opcodes.DADD, Opcodes.DSUB, Opcodes.DMUL, Opcodes.DDIV, Opcodes.DREM -> popPush(4, Opcodes.DOUBLE);
            case Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR -> popPush(3, Opcodes.LONG);
            case Opcodes.LCMP, Opcodes.DCMPL, Opcodes.DCMPG -> popPush(4, Opcodes.INTEGER);
            case Opcodes.I2L, Opcodes.F2L -> popPush(1, Opcodes.LONG);
            case Opcodes.I2F -> popPush(1, Opcodes.FLOAT);
            case Opcodes.I2D, Opcodes.F2D -> popPush(1, Opcodes.DOUBLE);
            case Opcodes.L2I, Opcodes.D2I -> popPush(2, Opcodes.INTEGER);
            case Opcodes.L2F, Opcodes.D2F -> popPush(2, Opcodes.FLOAT);
            case Opcodes.L2D -> popPush(2, Opcodes.DOUBLE);
            case Opcodes.D2L -> popPush(2, Opcodes.LONG);
            case Opcodes.F2I -> popPush(1, Opcodes.INTEGER);
            case Opcodes.ARRAYLENGTH -> popPush(1, Opcodes.INTEGER);
            default -> forget(); // returns, ATHROW: nothing falls through to the next instruction
        }
    }

    void intInsn(int opcode, int operand) {
        if (!known) {
            return;
        }
        if (opcode == Opcodes.NEWARRAY) {
            pop(1);
            push(primitiveArray(operand));
        } else {
            push(Opcodes.INTEGER); // BIPUSH, SIPUSH
        }
    }

    void varInsn(int opcode, int var) {
        if (!known) {
            return;
        }
        switch (opcode) {
            case Opcodes.ILOAD -> push(Opcodes.INTEGER);
            case Opcodes.LLOAD -> push(Opcodes.LONG);
            case Opcodes.FLOAD -> push(Opcodes.FLOAT);
            case Opcodes.DLOAD -> push(Opcodes.DOUBLE);
            case Opcodes.ALOAD -> stack.add(local(var));
            case Opcodes.ISTORE, Opcodes.FSTORE, Opcodes.ASTORE -> store(var, pop1(), 1);
            case Opcodes.LSTORE, Opcodes.DSTORE -> {
                pop(2);
                store(var, opcode == Opcodes.LSTORE ? Opcodes.LONG : Opcodes.DOUBLE, 2);
            }
            default -> forget(); // RET
        }
    }

    void typeInsn(int opcode, String type) {
        if (!known) {
            return;
        }
        switch (opcode) {
            case Opcodes.NEW -> stack.add(new Uninitialized(type));
            case Opcodes.ANEWARRAY -> popPush(1, "[" + (type.startsWith("[") ? type : "L" + type + ";"));
            case Opcodes.CHECKCAST -> popPush(1, type);
            default -> popPush(1, Opcodes.INTEGER); // INSTANCEOF
        }
    }

    void fieldInsn(int opcode, String descriptor) {
        if (!known) {
            return;
        }
        int size = Type.getType(descriptor).getSize();
        switch (opcode) {
            case Opcodes.GETSTATIC -> push(typeOf(descriptor));
            case Opcodes.PUTSTATIC -> pop(size);
            case Opcodes.GETFIELD -> popPush(1, typeOf(descriptor));
            default -> pop(size + 1); // PUTFIELD
        }
    }

    void methodInsn(int opcode, String name, String descriptor) {
        if (!known) {
            return;
        }
        pop(argumentSlots(descriptor));
        if (opcode != Opcodes.INVOKESTATIC) {
            Object receiver = pop1();
            if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
                initialize(receiver);
            }
        }
        pushReturn(descriptor);
    }

    void invokeDynamicInsn(String descriptor) {
        if (!known) {
            return;
        }
        pop(argumentSlots(descriptor));
        pushReturn(descriptor);
    }

    void jumpInsn(int opcode) {
        if (!known) {
            return;
        }
        switch (opcode) {
            case Opcodes.GOTO, Opcodes.JSR -> forget();
            case Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT,
                    Opcodes.IF_ICMPLE, Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE -> pop(2);
            default -> pop(1); // IFEQ..IFLE, IFNULL, IFNONNULL
        }
    }

    void ldcInsn(Object value) {
        if (!known) {
            return;
        }
        if (value instanceof Integer) {
            push(Opcodes.INTEGER);
        } else if (value instanceof Long) {
            push(Opcodes.LONG);
        } else if (value instanceof Float) {
            push(Opcodes.FLOAT);
        } else if (value instanceof Double) {
            push(Opcodes.DOUBLE);
        } else if (value instanceof String) {
            push("java/lang/String");
        } else if (value instanceof Type type) {
            push(type.getSort() == Type.METHOD ? "java/lang/invoke/MethodType" : "java/lang/Class");
        } else if (value instanceof Handle) {
            push("java/lang/invoke/MethodHandle");
        } else if (value instanceof ConstantDynamic condy) {
            push(typeOf(condy.getDescriptor()));
        } else {
            forget();
        }
    }

    /** TABLESWITCH and LOOKUPSWITCH: nothing falls through. */
    void switchInsn() {
        forget();
    }

    void multiANewArrayInsn(String descriptor, int dimensions) {
        if (known) {
            popPush(dimensions, descriptor);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private Object local(int var) {
        return var < locals.size() ? locals.get(var) : Opcodes.TOP;
    }

    private void store(int var, Object type, int size) {
        while (locals.size() < var + size) {
            locals.add(Opcodes.TOP);
        }
        // Overwriting the second half of a long/double invalidates its first half.
        if (var > 0 && (locals.get(var - 1) == Opcodes.LONG || locals.get(var - 1) == Opcodes.DOUBLE)) {
            locals.set(var - 1, Opcodes.TOP);
        }
        locals.set(var, type);
        if (size == 2) {
            locals.set(var + 1, Opcodes.TOP);
        }
    }

    /** A constructor ran on {@code receiver}: every copy of it is now of its class. */
    private void initialize(Object receiver) {
        if (!(receiver instanceof Uninitialized u)) {
            forget(); // uninitializedThis or a NEW from before the last frame: class name not at hand
            return;
        }
        for (List<Object> slots : List.of(locals, stack)) {
            slots.replaceAll(t -> t == receiver ? u.type : t);
        }
    }

    /** Copies the top {@code count} slots below the {@code skip} slots under them (DUP family). */
    private void shuffle(int count, int skip) {
        int size = stack.size();
        if (size < count + skip) {
            forget();
            return;
        }
        List<Object> top = new ArrayList<>(stack.subList(size - count, size));
        stack.addAll(size - count - skip, top);
    }

    private void push(Object type) {
        addExpanded(stack, type);
    }

    private void popPush(int slots, Object type) {
        pop(slots);
        push(type);
    }

    private Object pop1() {
        if (stack.isEmpty()) {
            forget();
            return Opcodes.TOP;
        }
        return stack.remove(stack.size() - 1);
    }

    private void pop(int slots) {
        if (slots > stack.size()) {
            forget(); // inconsistent with what the verifier would see: trust nothing until the next frame
            return;
        }
        for (int i = 0; i < slots; i++) {
            stack.remove(stack.size() - 1);
        }
    }

    private void pushReturn(String descriptor) {
        Type returnType = Type.getReturnType(descriptor);
        if (returnType.getSort() != Type.VOID) {
            push(typeOf(returnType.getDescriptor()));
        }
    }

    private static int argumentSlots(String descriptor) {
        return (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - 1;
    }

    /** The frame type of a value of field descriptor {@code descriptor}. */
    static Object typeOf(String descriptor) {
        switch (descriptor.charAt(0)) {
            case 'Z', 'C', 'B', 'S', 'I':
                return Opcodes.INTEGER;
            case 'F':
                return Opcodes.FLOAT;
            case 'J':
                return Opcodes.LONG;
            case 'D':
                return Opcodes.DOUBLE;
            case 'L':
                return descriptor.substring(1, descriptor.length() - 1);
            default:
                return descriptor; // array
        }
    }

    private static Object componentOf(Object array) {
        if (array instanceof String name && name.startsWith("[")) {
            return typeOf(name.substring(1));
        }
        return Opcodes.NULL; // AALOAD on null: the verifier types the result as null too
    }

    private static String primitiveArray(int operand) {
        switch (operand) {
            case Opcodes.T_BOOLEAN:
                return "[Z";
            case Opcodes.T_CHAR:
                return "[C";
            case Opcodes.T_FLOAT:
                return "[F";
            case Opcodes.T_DOUBLE:
                return "[D";
            case Opcodes.T_BYTE:
                return "[B";
            case Opcodes.T_SHORT:
                return "[S";
            case Opcodes.T_INT:
                return "[I";
            default:
                return "[J";
        }
    }
}
