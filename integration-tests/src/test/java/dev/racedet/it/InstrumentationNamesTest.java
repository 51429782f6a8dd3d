package dev.racedet.it;

import static dev.racedet.it.instrumentation.InstrumentationRuns.PACKAGE;
import static dev.racedet.it.instrumentation.InstrumentationRuns.copyClasses;
import static dev.racedet.it.instrumentation.InstrumentationRuns.internalErrors;
import static dev.racedet.it.instrumentation.InstrumentationRuns.newDirectory;
import static dev.racedet.it.instrumentation.InstrumentationRuns.racedFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.racedet.it.instrumentation.InstrumentationRuns;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import dev.racedet.shaded.bytebuddy.jar.asm.ClassWriter;
import dev.racedet.shaded.bytebuddy.jar.asm.Label;
import dev.racedet.shaded.bytebuddy.jar.asm.MethodVisitor;
import dev.racedet.shaded.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Names that are legal in class files but not in the members racedet generates (or unusual in other
 * ways) must neither break the class nor leave it unchecked.
 */
class InstrumentationNamesTest {

    @TestFactory
    Iterable<DynamicTest> fields_named_with_angle_brackets_are_checked_without_class_format_errors() {
        return Jdks.all().stream().map(jdk -> DynamicTest.dynamicTest(jdk.label(), () -> {
            Path generated = newDirectory("generated");
            Files.write(generated.resolve("1.bin"), racyClass("gen/Brackets", "a<b>"));
            Files.write(generated.resolve("2.bin"), racyClass("gen/Closing", "x>"));

            AgentRun.Result result = run(jdk, generated);

            assertEquals(0, result.exitCode(), result::toString);
            assertEquals("ran 2\n", result.stdout(), result::toString);
            assertFalse(result.stderr().contains("ClassFormatError"), result::toString);
            assertEquals(Set.of("gen.Brackets.a<b>", "gen.Closing.x>"), racedFields(result), result::toString);
            assertEquals(0, internalErrors(result), result::toString);
        })).toList();
    }

    @TestFactory
    Iterable<DynamicTest> class_whose_name_holds_a_newline_is_checked() {
        return Jdks.all().stream().map(jdk -> DynamicTest.dynamicTest(jdk.label(), () -> {
            Path generated = newDirectory("generated");
            Files.write(generated.resolve("1.bin"), racyClass("gen/Odd\nName", "count"));

            AgentRun.Result result = run(jdk, generated);

            assertEquals(0, result.exitCode(), result::toString);
            assertEquals(Set.of("gen.Odd\nName.count"), racedFields(result), result::toString);
            assertEquals(0, internalErrors(result), result::toString);
        })).toList();
    }

    private static AgentRun.Result run(Jdks.Jdk jdk, Path generated) throws Exception {
        Path app = copyClasses(newDirectory("app"), PACKAGE + ".GeneratedClasses", "dev.racedet.it.targets.Racers");
        return InstrumentationRuns.run(jdk, app, "GeneratedClasses", generated.toString());
    }

    /**
     * {@code public class name implements Runnable} with an int field {@code field} and
     * {@code run() { field = field + 1; }} on line 7 of "Gen.java" (straight-line code: no frames).
     */
    private static byte[] racyClass(String name, String field) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
                new String[] {"java/lang/Runnable"});
        cw.visitSource("Gen.java", null);
        cw.visitField(Opcodes.ACC_PRIVATE, field, "I", null, null).visitEnd();
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", "()V", null, null);
        run.visitCode();
        Label line = new Label();
        run.visitLabel(line);
        run.visitLineNumber(7, line);
        run.visitVarInsn(Opcodes.ALOAD, 0);
        run.visitVarInsn(Opcodes.ALOAD, 0);
        run.visitFieldInsn(Opcodes.GETFIELD, name, field, "I");
        run.visitInsn(Opcodes.ICONST_1);
        run.visitInsn(Opcodes.IADD);
        run.visitFieldInsn(Opcodes.PUTFIELD, name, field, "I");
        run.visitInsn(Opcodes.RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
