package dev.racedet.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.ClassFilter;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.SimpleRemapper;
import org.junit.jupiter.api.Test;

/**
 * Checked methods keep the calling context: enter first, mark each call, restore before every return
 * and (outside constructors) in a rethrowing handler; the result passes the verifier, synchronized
 * methods and exception handlers included.
 */
class ContextVisitorTest {
    private static final String THREAD = "INVOKESTATIC dev/racedet/runtime/ContextHooks.thread()Ljava/lang/Object;";
    private static final String ENTER = "INVOKESTATIC dev/racedet/runtime/ContextHooks.enter(Ljava/lang/Object;)I";
    private static final String CALL = "INVOKESTATIC dev/racedet/runtime/ContextHooks.call(Ljava/lang/Object;I)V";
    private static final String EXIT = "INVOKESTATIC dev/racedet/runtime/ContextHooks.exit(Ljava/lang/Object;I)V";

    private static final String RENAMED = "t/ContextSample";

    /** Compiled by javac like any application class; instrumented and loaded again by the tests. */
    public static final class Sample {
        int value;

        public Sample() {
            value = helper(1);
        }

        public static int helper(int x) {
            return x + 1;
        }

        public synchronized int synchronizedRead() {
            return value;
        }

        public int readAfterCaughtException() {
            try {
                thrower();
            } catch (IllegalStateException e) {
                value++;
            }
            return value;
        }

        static void thrower() {
            throw new IllegalStateException();
        }
    }

    @Test
    void every_method_enters_first_marks_calls_and_restores_before_each_return() throws Exception {
        Map<String, List<String>> methods = Bytecode.instructions(instrumented());
        Map<String, List<String>> originals = Bytecode.instructions(renamed());
        for (Map.Entry<String, List<String>> m : methods.entrySet()) {
            if (!originals.containsKey(m.getKey())) {
                continue; // racedet's own shadow accessors
            }
            List<String> code = m.getValue();
            // first, or right after a synchronized method's monitor-enter hook
            int thread = code.indexOf(THREAD);
            assertTrue(thread == 0 || m.getKey().startsWith("synchronized") && thread <= 3, m.getKey() + ": " + code);
            assertEquals(ENTER, code.get(thread + 3), m.getKey() + ": " + code);
            // returns as compiled (a synchronized method's guard adds one of its own)
            long returns = originals.get(m.getKey()).stream().filter(op -> op.endsWith("RETURN") && !op.contains(" ")).count();
            long exits = code.stream().filter(EXIT::equals).count();
            boolean constructor = m.getKey().startsWith("<init>");
            assertEquals(constructor ? returns : returns + 1, exits,
                    m.getKey() + " restores before each return" + (constructor ? "" : " and in its handler"));
        }
        List<String> constructor = methods.get("<init>()V");
        int helperCall = constructor.indexOf("INVOKESTATIC " + RENAMED + ".helper(I)I");
        assertTrue(helperCall > 0, constructor::toString);
        int mark = lastIndexBefore(constructor, CALL, helperCall);
        assertTrue(mark > 0 && helperCall - mark <= 3, "the call is marked right before it: " + constructor);
        assertFalse(constructor.contains("ATHROW"), "no handler in a constructor: " + constructor);
    }

    @Test
    void instrumented_class_passes_the_verifier_and_behaves_the_same() throws Exception {
        byte[] bytes = instrumented();
        String name = RENAMED.replace('/', '.');
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (n.equals(name)) {
                    synchronized (getClassLoadingLock(n)) {
                        Class<?> c = findLoadedClass(n);
                        return c != null ? c : defineClass(n, bytes, 0, bytes.length);
                    }
                }
                return super.loadClass(n, resolve);
            }
        };
        Class<?> type = Class.forName(name, true, loader);
        Object sample = type.getConstructor().newInstance();
        Method read = type.getMethod("synchronizedRead");
        Method afterException = type.getMethod("readAfterCaughtException");
        assertEquals(2, read.invoke(sample));
        assertEquals(3, afterException.invoke(sample));
    }

    private static int lastIndexBefore(List<String> code, String op, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (code.get(i).equals(op)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] instrumented() throws Exception {
        return new RacedetTransformer(new ClassFilter(null, null))
                .instrument(ContextVisitorTest.class.getClassLoader(), false, renamed(), true);
    }

    private static byte[] renamed() throws Exception {
        String resource = Sample.class.getName().replace('.', '/') + ".class";
        byte[] original;
        try (InputStream in = ContextVisitorTest.class.getClassLoader().getResourceAsStream(resource)) {
            original = in.readAllBytes();
        }
        // Renamed out of racedet's own packages, which racedet never checks
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(original).accept(new ClassRemapper(writer,
                new SimpleRemapper(Sample.class.getName().replace('.', '/'), RENAMED)), 0);
        return writer.toByteArray();
    }
}
