package dev.racedet.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.ClassFilter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;

import java.util.Set;
import java.util.TreeSet;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.Test;

/**
 * Every static method the instrumentation calls in racedet's runtime exists there, public and static,
 * with exactly the descriptor emitted, and so does every bootstrap method of its
 * {@code invokedynamic} links: checked by reflection on the real classes, over the code the
 * transformer produces for classes that make every modeled call.
 */
class EmittedHooksTest {
    private static final List<String> RUNTIME = List.of("dev/racedet/runtime/FieldHooks",
            "dev/racedet/runtime/MonitorHooks", "dev/racedet/runtime/ThreadHooks", "dev/racedet/runtime/AtomicHooks",
            "dev/racedet/runtime/ArrayHooks", "dev/racedet/runtime/ScopeHooks", "dev/racedet/runtime/Registry",
            "dev/racedet/runtime/ShadowLinks", "dev/racedet/runtime/IdLinks");

    @Test
    void every_emitted_hook_is_a_public_static_method_of_the_runtime() throws Exception {
        RacedetTransformer transformer = new RacedetTransformer(new ClassFilter(null, null));
        Set<String> emitted = new TreeSet<>();
        emitted.addAll(runtimeCalls(transformer.instrument(getClass().getClassLoader(), false, WarmUpClass.bytes(), true)));
        emitted.addAll(runtimeCalls(transformer.instrument(getClass().getClassLoader(), false, callsEverything(), true)));
        emitted.addAll(runtimeCalls(transformer.instrument(getClass().getClassLoader(), false,
                classFile(sample.ReadsAnotherClassesField.class), true)));
        for (Path home : Bytecode.jdkHomes()) {
            for (String jdkClass : List.of(JdkThreadHooks.THREAD, JdkThreadHooks.VIRTUAL_THREAD,
                    "java/util/concurrent/atomic/AtomicInteger", "java/lang/invoke/VarHandle",
                    "java/util/concurrent/ConcurrentHashMap", "java/util/HashMap", "java/lang/invoke/MethodType",
                    JdkThreadHooks.THREAD_FLOCK)) {
                byte[] original = Bytecode.jdkClass(home, jdkClass);
                if (original != null) {
                    emitted.addAll(runtimeCalls(transformer.instrumentJdk(null, jdkClass, original)));
                }
            }
        }

        for (String hook : List.of("read", "write", "readStatic", "writeStatic", "volatileRead", "volatileWrite",
                "volatileReadStatic", "volatileWriteStatic", "classUse", "classInitialized", "monitorEnter",
                "monitorExit", "wait", "sleep", "threadStarting", "threadExit", "aliveChecked", "stateChecked",
                "joinReturned", "virtualThreadTask", "acquire", "release", "loadFence", "storeFence", "fullFence",
                "jdkVolatileRead", "jdkVolatileWrite", "jdkRead", "jdkWrite", "collectionCall", "collectionReturned",
                "optimisticReadStarted", "optimisticReadEnded", "validate",
                "shadow", "id", "classIdOf", "arraycopy", "fill", "copyOf", "copyOfRange", "cloneRead", "enter",
                "exit")) {
            assertTrue(emitted.stream().anyMatch(call -> call.contains("." + hook + "(")),
                    "the sample classes exercise " + hook + ": " + emitted);
        }
        for (String call : emitted) {
            assertTrue(existsAsPublicStatic(call), "no public static method " + call);
        }
    }

    private static boolean existsAsPublicStatic(String call) throws ClassNotFoundException {
        String owner = call.substring(0, call.indexOf('.'));
        String name = call.substring(call.indexOf('.') + 1, call.indexOf('('));
        String descriptor = call.substring(call.indexOf('('));
        for (Method m : Class.forName(owner.replace('/', '.')).getDeclaredMethods()) {
            if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(descriptor)
                    && Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    /** "owner.name(descriptor)" of every INVOKESTATIC into racedet's runtime. */
    private static Set<String> runtimeCalls(byte[] classFile) {
        Set<String> calls = new TreeSet<>();
        for (List<String> code : Bytecode.instructions(classFile).values()) {
            for (String instruction : code) {
                for (String owner : RUNTIME) {
                    if (instruction.startsWith("INVOKESTATIC " + owner + ".")) {
                        calls.add(instruction.substring("INVOKESTATIC ".length()));
                    }
                    if (instruction.startsWith("INVOKEDYNAMIC ") && instruction.contains(" " + owner + ".")) {
                        calls.add(instruction.substring(instruction.indexOf(' ', "INVOKEDYNAMIC ".length()) + 1));
                    }
                }
            }
        }
        assertEquals(calls.isEmpty(), false, "some hook is emitted");
        return calls;
    }

    /** A class (never loaded) whose one method calls every JDK method the instrumentation models. */
    private static byte[] callsEverything() {
        String[][] calls = {
            {"java/lang/Object", "wait", "()V"}, {"java/lang/Object", "wait", "(J)V"}, {"java/lang/Object", "wait", "(JI)V"},
            {"java/lang/Thread", "sleep", "(J)V"}, {"java/lang/Thread", "sleep", "(JI)V"},
            {"sun/misc/Unsafe", "compareAndSwapInt", "(Ljava/lang/Object;JII)Z"},
            {"sun/misc/Unsafe", "getLongVolatile", "(Ljava/lang/Object;J)J"},
            {"sun/misc/Unsafe", "putOrderedObject", "(Ljava/lang/Object;JLjava/lang/Object;)V"},
            {"sun/misc/Unsafe", "storeFence", "()V"}, {"sun/misc/Unsafe", "loadFence", "()V"},
            {"sun/misc/Unsafe", "fullFence", "()V"},
            {"java/util/Map", "size", "()I"},
            {"java/util/concurrent/locks/StampedLock", "tryOptimisticRead", "()J"},
            {"java/util/concurrent/locks/StampedLock", "validate", "(J)Z"},
            {"java/util/concurrent/locks/StampedLock", "readLock", "()J"},
            {"java/lang/System", "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V"},
            {"[I", "clone", "()Ljava/lang/Object;"},
        };
        List<String[]> all = new java.util.ArrayList<>(List.of(calls));
        for (String e : new String[] {"J", "I", "S", "C", "B", "Z", "D", "F", "Ljava/lang/Object;"}) {
            String a = "[" + e;
            all.add(new String[] {"java/util/Arrays", "fill", "(" + a + e + ")V"});
            all.add(new String[] {"java/util/Arrays", "fill", "(" + a + "II" + e + ")V"});
            all.add(new String[] {"java/util/Arrays", "copyOf", "(" + a + "I)" + a});
            all.add(new String[] {"java/util/Arrays", "copyOfRange", "(" + a + "II)" + a});
        }
        all.add(new String[] {"java/util/Arrays", "copyOf", "([Ljava/lang/Object;ILjava/lang/Class;)[Ljava/lang/Object;"});
        all.add(new String[] {"java/util/Arrays", "copyOfRange",
            "([Ljava/lang/Object;IILjava/lang/Class;)[Ljava/lang/Object;"});
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "racedet/test/CallsEverything", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "all", "()V", null, null);
        mv.visitCode();
        for (String[] call : all) {
            boolean itf = call[0].equals("java/util/Map");
            boolean isStatic = call[1].equals("sleep") || call[0].equals("java/util/Arrays")
                    || call[0].equals("java/lang/System");
            if (!isStatic) {
                mv.visitInsn(Opcodes.ACONST_NULL);
            }
            for (Type arg : Type.getArgumentTypes(call[2])) {
                mv.visitInsn(zero(arg));
            }
            int opcode = isStatic ? Opcodes.INVOKESTATIC : itf ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL;
            mv.visitMethodInsn(opcode, call[0], call[1], call[2], itf);
            int result = Type.getReturnType(call[2]).getSize();
            if (result > 0) {
                mv.visitInsn(result == 2 ? Opcodes.POP2 : Opcodes.POP);
            }
        }
        // every element load and store: [null 0] xALOAD, [null 0 v] xASTORE
        for (int load = Opcodes.IALOAD; load <= Opcodes.SALOAD; load++) {
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitInsn(load);
            mv.visitInsn(load == Opcodes.LALOAD || load == Opcodes.DALOAD ? Opcodes.POP2 : Opcodes.POP);
        }
        Type[] stored = {Type.INT_TYPE, Type.LONG_TYPE, Type.FLOAT_TYPE, Type.DOUBLE_TYPE, Type.getType(Object.class),
            Type.BYTE_TYPE, Type.CHAR_TYPE, Type.SHORT_TYPE};
        for (int store = Opcodes.IASTORE; store <= Opcodes.SASTORE; store++) {
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitInsn(zero(stored[store - Opcodes.IASTORE]));
            mv.visitInsn(store);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static byte[] classFile(Class<?> c) throws java.io.IOException {
        try (java.io.InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private static int zero(Type type) {
        return switch (type.getSort()) {
            case Type.LONG -> Opcodes.LCONST_0;
            case Type.DOUBLE -> Opcodes.DCONST_0;
            case Type.FLOAT -> Opcodes.FCONST_0;
            case Type.OBJECT, Type.ARRAY -> Opcodes.ACONST_NULL;
            default -> Opcodes.ICONST_0;
        };
    }

}
