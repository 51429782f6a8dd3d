package dev.racedet.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.ClassFilter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/**
 * Plain {@code VarHandle} accesses: the JDK's implementation of the plain modes reports its location
 * (on this JDK and JDK 25), nothing else of the JDK does, and checked code marks its plain calls only.
 */
class PlainVarHandleInstrumentationTest {
    private static final String FIELD_HOOK = "INVOKESTATIC dev/racedet/runtime/FieldHooks.varHandleField(Ljava/lang/Object;JZ)V";
    private static final String ELEMENT_HOOK =
            "INVOKESTATIC dev/racedet/runtime/FieldHooks.varHandleElement(Ljava/lang/Object;IZ)V";
    private static final String[] TYPES = {"Ints", "Longs", "References", "Booleans", "Bytes", "Shorts", "Chars",
        "Floats", "Doubles"};

    @Test
    void every_plain_field_and_element_implementation_reports_its_location_once_before_the_access() throws Exception {
        RacedetTransformer transformer = transformer();
        for (Path home : Bytecode.jdkHomes()) {
            for (String type : TYPES) {
                String prefix = "java/lang/invoke/VarHandle" + type + "$";
                assertHookBeforeUnsafe(home, transformer, prefix + "FieldInstanceReadOnly", "get", "INVOKEVIRTUAL jdk/internal/misc/Unsafe.get");
                assertHookBeforeUnsafe(home, transformer, prefix + "FieldInstanceReadWrite", "set", "INVOKEVIRTUAL jdk/internal/misc/Unsafe.put");
                for (String method : List.of("get", "set")) {
                    List<String> code = method(home, transformer, prefix + "Array", method);
                    assertEquals(1, code.stream().filter(ELEMENT_HOOK::equals).count(), prefix + "Array." + method + " " + code);
                }
            }
        }
    }

    @Test
    void other_access_modes_and_the_jdk_s_own_callers_get_no_plain_hook() throws Exception {
        RacedetTransformer transformer = transformer();
        for (Path home : Bytecode.jdkHomes()) {
            for (String jdkClass : List.of("java/lang/invoke/VarHandleInts$FieldInstanceReadWrite",
                    "java/lang/invoke/VarHandleReferences$Array", "java/util/concurrent/ConcurrentLinkedQueue",
                    "java/util/concurrent/ConcurrentLinkedQueue$Node")) {
                byte[] original = Bytecode.jdkClass(home, jdkClass);
                assertNotNull(original, jdkClass + " in " + home);
                byte[] out = transformer.instrumentJdk(null, jdkClass, original);
                if (out == null) {
                    continue;
                }
                for (Map.Entry<String, List<String>> m : Bytecode.instructions(out).entrySet()) {
                    boolean plain = m.getKey().startsWith("get(") || m.getKey().startsWith("set(");
                    boolean hooked = m.getValue().contains(FIELD_HOOK) || m.getValue().contains(ELEMENT_HOOK);
                    assertTrue(!hooked || plain && jdkClass.startsWith("java/lang/invoke/"), jdkClass + "." + m.getKey());
                }
            }
        }
    }

    @Test
    void checked_code_marks_plain_get_and_set_calls_and_no_other_mode() throws Exception {
        byte[] out = transformer().instrument(PlainVarHandleInstrumentationTest.class.getClassLoader(), false,
                callsVarHandle(), true);
        List<String> code = Bytecode.instructions(out).get("run(Ljava/lang/invoke/VarHandle;Ljava/lang/Object;)V");
        String mark = "INVOKESTATIC dev/racedet/runtime/FieldHooks.varHandleCall(I)V";
        String returned = "INVOKESTATIC dev/racedet/runtime/FieldHooks.varHandleReturned()V";
        assertEquals(2, code.stream().filter(mark::equals).count(), code::toString);
        for (String call : List.of("get(Ljava/lang/Object;)I", "set(Ljava/lang/Object;I)V")) {
            int at = code.indexOf("INVOKEVIRTUAL java/lang/invoke/VarHandle." + call);
            assertEquals(mark, code.get(at - 1), call + " " + code);
            assertEquals(returned, code.get(at + 1), call + " " + code);
        }
        int volatileRead = code.indexOf("INVOKEVIRTUAL java/lang/invoke/VarHandle.getVolatile(Ljava/lang/Object;)I");
        assertFalse(code.get(volatileRead - 1).equals(mark) || code.get(volatileRead + 1).equals(returned), code::toString);
    }

    @Test
    void emitted_hooks_are_public_static_methods_of_field_hooks() throws Exception {
        Class<?> hooks = Class.forName("dev.racedet.runtime.FieldHooks");
        for (Method m : List.of(hooks.getMethod("varHandleCall", int.class), hooks.getMethod("varHandleReturned"),
                hooks.getMethod("varHandleField", Object.class, long.class, boolean.class),
                hooks.getMethod("varHandleElement", Object.class, int.class, boolean.class),
                hooks.getMethod("unsafeRead", Object.class, long.class, int.class),
                hooks.getMethod("unsafeWrite", Object.class, long.class, int.class))) {
            assertTrue(Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()), m.toString());
        }
    }

    private static void assertHookBeforeUnsafe(Path home, RacedetTransformer transformer, String jdkClass, String method,
                                               String unsafeCall) throws Exception {
        List<String> code = method(home, transformer, jdkClass, method);
        assertEquals(1, code.stream().filter(FIELD_HOOK::equals).count(), jdkClass + "." + method + " " + code);
        int hook = code.indexOf(FIELD_HOOK);
        int access = -1;
        for (int i = 0; i < code.size(); i++) {
            if (code.get(i).startsWith(unsafeCall)) {
                access = i;
            }
        }
        assertTrue(hook >= 0 && hook < access, jdkClass + "." + method + " " + code);
    }

    /** The instructions of the one static method {@code name} of {@code jdkClass}, instrumented. */
    private static List<String> method(Path home, RacedetTransformer transformer, String jdkClass, String name)
            throws Exception {
        byte[] original = Bytecode.jdkClass(home, jdkClass);
        assertNotNull(original, jdkClass + " in " + home);
        byte[] out = transformer.instrumentJdk(null, jdkClass, original);
        assertNotNull(out, jdkClass + " is instrumented");
        List<List<String>> found = Bytecode.instructions(out).entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + "(Ljava/lang/invoke/VarHandle;"))
                .map(Map.Entry::getValue).toList();
        assertEquals(1, found.size(), jdkClass + "." + name + " in " + home);
        return found.get(0);
    }

    private static RacedetTransformer transformer() {
        return new RacedetTransformer(new ClassFilter(null, null));
    }

    /** {@code run(vh, o)}: {@code vh.get(o)}, {@code vh.set(o, 1)}, {@code vh.getVolatile(o)}. */
    private static byte[] callsVarHandle() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "racedet/test/CallsVarHandle", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "run", "(Ljava/lang/invoke/VarHandle;Ljava/lang/Object;)V",
                null, null);
        mv.visitCode();
        String vh = "java/lang/invoke/VarHandle";
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, vh, "get", "(Ljava/lang/Object;)I", false);
        mv.visitInsn(Opcodes.POP);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, vh, "set", "(Ljava/lang/Object;I)V", false);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, vh, "getVolatile", "(Ljava/lang/Object;)I", false);
        mv.visitInsn(Opcodes.POP);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
