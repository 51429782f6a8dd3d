package dev.racedet.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.ClassFilter;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/** What the transformer adds to a class, and which accesses it checks, in the cases that need care. */
class TransformerChoicesTest {
    private static final ClassLoader LOADER = TransformerChoicesTest.class.getClassLoader();
    private static final String PLAIN_HOOKS = "INVOKESTATIC dev/racedet/runtime/FieldHooks.(read|write)\\(.*";

    @Test
    void synthetic_fields_get_no_shadow_and_no_check() {
        byte[] out = transformer().instrument(LOADER, false,
                classWithField("t/Synthetic", Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC, "$jacocoData", "t/Synthetic"),
                true);
        assertEquals(List.of("$jacocoData"), fields(out));
        assertFalse(calls(out).stream().anyMatch(c -> c.matches(PLAIN_HOOKS)), calls(out)::toString);
    }

    @Test
    void plain_field_gets_a_shadow_at_first_load_and_the_same_shape_on_retransformation() {
        RacedetTransformer transformer = transformer();
        byte[] original = classWithField("t/Plain", Opcodes.ACC_PRIVATE, "count", "t/Plain");
        byte[] first = transformer.instrument(LOADER, false, original, true);
        byte[] again = transformer.instrument(LOADER, true, original, true);
        assertEquals(List.of("count", "racedet$count"), fields(first));
        assertEquals(fields(first), fields(again));
        assertEquals(methods(first), methods(again));
    }

    @Test
    void class_loaded_before_racedet_gets_no_members_when_retransformed() {
        byte[] original = classWithField("t/Early", Opcodes.ACC_PRIVATE, "count", "t/Early");
        byte[] out = transformer().instrument(LOADER, true, original, true);
        assertEquals(List.of("count"), fields(out));
        assertTrue(calls(out).stream().anyMatch(c -> c.matches(PLAIN_HOOKS)), "still checked, in the side table");
    }

    @Test
    void class_that_already_has_racedet_members_gets_no_second_shadow() {
        byte[] once = transformer().instrument(LOADER, false,
                classWithField("t/Twice", Opcodes.ACC_PRIVATE, "count", "t/Twice"), true);
        byte[] twice = transformer().instrument(LOADER, false, once, true);
        assertEquals(List.of("count", "racedet$count"), fields(twice));
    }

    @Test
    void access_to_a_field_of_a_class_that_cannot_be_found_is_left_alone() {
        byte[] out = transformer().instrument(LOADER, false,
                classWithField("t/User", Opcodes.ACC_PRIVATE, "count", "t/MissingOwner"), true);
        assertFalse(calls(out).stream().anyMatch(c -> c.matches(PLAIN_HOOKS)), calls(out)::toString);
    }

    @Test
    void field_names_that_cannot_name_an_accessor_get_no_shadow() {
        assertFalse(ShadowFieldPlan.canShadow("a/B", "a<b>"));
        assertFalse(ShadowFieldPlan.canShadow("a/B", "x>"));
        assertFalse(ShadowFieldPlan.canShadow("a/B", "n".repeat(30000)));
        assertTrue(ShadowFieldPlan.canShadow("a/B", "count$1"));
        ShadowFieldPlan plan = new ShadowFieldPlan("a/B");
        plan.add("a<b>", 1);
        assertTrue(plan.isEmpty());
    }

    private static RacedetTransformer transformer() {
        return new RacedetTransformer(new ClassFilter(null, null));
    }

    /**
     * Class {@code name} declaring int field {@code field} with {@code access}, and a method
     * {@code bump(owner)} that increments {@code owner.field} (owner may be another, missing class).
     */
    private static byte[] classWithField(String name, int access, String field, String owner) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        cw.visitField(access, field, "I", null, null).visitEnd();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "bump", "(L" + owner + ";)V", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitInsn(Opcodes.DUP);
        mv.visitFieldInsn(Opcodes.GETFIELD, owner, field, "I");
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IADD);
        mv.visitFieldInsn(Opcodes.PUTFIELD, owner, field, "I");
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static List<String> fields(byte[] classFile) {
        return ClassInfo.of(new ClassReader(classFile)).fields().stream().map(ClassInfo.FieldInfo::name).toList();
    }

    private static List<String> methods(byte[] classFile) {
        return List.copyOf(Bytecode.instructions(classFile).keySet());
    }

    private static List<String> calls(byte[] classFile) {
        return Bytecode.instructions(classFile).values().stream().flatMap(List::stream).toList();
    }
}
