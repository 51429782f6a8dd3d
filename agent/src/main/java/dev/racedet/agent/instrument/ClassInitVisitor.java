package dev.racedet.agent.instrument;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The static initializer: before each RETURN, a release of the class's initialization clock, which
 * every other thread acquires at its first use of the class (JLS 12.4.2). The clock belongs to this
 * very class, not to every class of its name: the id is scoped by the class constant (see
 * {@code Registry.classIdOf}).
 */
final class ClassInitVisitor extends MethodVisitor {
    private final String internalName;
    private final int classId;
    private final boolean classConstants;

    /**
     * @param classId the name-keyed class id
     * @param classConstants whether the class file may use class constants (version 49+); older ones
     *                       use the name-keyed id, which can only over-synchronize (miss races)
     */
    ClassInitVisitor(MethodVisitor next, String internalName, int classId, boolean classConstants) {
        super(Opcodes.ASM9, next);
        this.internalName = internalName;
        this.classId = classId;
        this.classConstants = classConstants;
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode == Opcodes.RETURN) {
            ClassIds.push(mv, internalName, classId, classConstants); // [] -> [cid]
            Hooks.call(mv, Hooks.FIELDS, "classInitialized", "(I)V");               // -> []
        }
        super.visitInsn(opcode);
    }
}
