package dev.racedet.agent.instrument;

import dev.racedet.runtime.Registry;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The shadow fields added to the class being instrumented: one {@code private transient synthetic
 * VarState racedet$name} per plain instance field it declares, and a null-safe static accessor
 * {@code racedet$name(Owner)} that the class's own code calls before each access, so the fast path
 * needs no map lookup. Fields can only be added at first load, which is the only time racedet
 * transforms. Other classes reach the same shadow through the runtime (see {@code ShadowFields}).
 */
final class ShadowFieldPlan {
    static final String PREFIX = "racedet$";
    static final String STATE_CLASS = "dev/racedet/runtime/engine/VarState";
    static final String STATE = "L" + STATE_CLASS + ";";

    private final String owner;
    private final Map<String, Integer> fieldIds = new LinkedHashMap<>();
    /** Names declared twice (legal in bytecode, with different types): such fields get no shadow. */
    private final Set<String> ambiguous = new HashSet<>();

    ShadowFieldPlan(String ownerInternalName) {
        this.owner = ownerInternalName;
    }

    /**
     * Adds a shadow for the declared field {@code name} (a plain, non-static field), unless its name
     * cannot make a legal accessor: such a field keeps its state in the side table.
     */
    void add(String name, int fieldId) {
        if (!canShadow(owner, name)) {
            return;
        }
        if (ambiguous.contains(name) || fieldIds.remove(name) != null) {
            ambiguous.add(name); // one shadow per name: two fields would share it
        } else {
            fieldIds.put(name, fieldId);
        }
    }

    /** Whether the class has any shadow field. */
    boolean isEmpty() {
        return fieldIds.isEmpty();
    }

    /**
     * Whether a shadow and accessor can be generated for field {@code name} of class {@code owner}:
     * field names may hold {@code <} and {@code >}, method names may not (JVMS 4.2.2), and a
     * constant pool string holds at most 65535 bytes (3 per char at worst in modified UTF-8).
     */
    static boolean canShadow(String owner, String name) {
        return name.indexOf('<') < 0 && name.indexOf('>') < 0
                && 3 * (PREFIX.length() + name.length()) <= 65535
                && 3 * (owner.length() + STATE.length() + 4) <= 65535;
    }

    /** Whether {@code declaringClass.name} (binary name) has a shadow in this class. */
    boolean has(String declaringClass, String name) {
        return fieldIds.containsKey(name) && declaringClass.equals(owner.replace('/', '.'));
    }

    /** [obj] -> [VarState or null]: calls the accessor. */
    void emitRead(MethodVisitor mv, String name) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, PREFIX + name, accessorDescriptor(), false);
    }

    /** Writes the shadow fields and their accessors, and tells the runtime they exist. */
    void addMembers(ClassVisitor cv) {
        for (Map.Entry<String, Integer> field : fieldIds.entrySet()) {
            cv.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC,
                    PREFIX + field.getKey(), STATE, null, null).visitEnd();
            addAccessor(cv, field.getKey());
            Registry.markShadowField(field.getValue());
        }
    }

    private void addAccessor(ClassVisitor cv, String name) {
        MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                PREFIX + name, accessorDescriptor(), null, null);
        Label present = new Label();
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitJumpInsn(Opcodes.IFNONNULL, present); // a null owner: the real access throws the NPE
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitLabel(present);
        mv.visitFrame(Opcodes.F_NEW, 1, new Object[] {owner}, 0, new Object[0]);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, owner, PREFIX + name, STATE);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(1, 1);
        mv.visitEnd();
    }

    private String accessorDescriptor() {
        return "(L" + owner + ";)" + STATE;
    }
}
