package dev.racedet.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.runtime.ExitStatus;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The exit status hooks land where {@code exitcode} needs them in the real class files of each
 * installed JDK: in {@code Shutdown.exit(int)} right before {@code runHooks()}, and at the entry of
 * {@code Thread.dispatchUncaughtException}; nowhere else.
 */
class ExitStatusHooksTest {
    private static final String EXITING = "INVOKESTATIC dev/racedet/runtime/ExitStatus.exiting(I)V";
    private static final String UNCAUGHT = "INVOKESTATIC dev/racedet/runtime/ExitStatus.uncaught(Ljava/lang/Thread;)V";

    @TestFactory
    List<DynamicTest> shutdown_exit_records_the_status_before_running_the_hooks() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path home : Bytecode.jdkHomes()) {
            tests.add(DynamicTest.dynamicTest(home.getFileName().toString(), () -> {
                Map<String, List<String>> hooked = Bytecode.instructions(hook(Bytecode.jdkClass(home, "java/lang/Shutdown")));
                List<String> exit = hooked.get("exit(I)V");
                int at = exit.indexOf(EXITING);
                assertTrue(at >= 1, exit::toString);
                assertEquals(List.of("ILOAD 0", EXITING, "INVOKESTATIC java/lang/Shutdown.runHooks()V"),
                        exit.subList(at - 1, at + 2));
                assertEquals(1, count(hooked, EXITING));
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> an_uncaught_exception_is_recorded_at_dispatch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path home : Bytecode.jdkHomes()) {
            tests.add(DynamicTest.dynamicTest(home.getFileName().toString(), () -> {
                Map<String, List<String>> hooked = Bytecode.instructions(hook(Bytecode.jdkClass(home, "java/lang/Thread")));
                List<String> dispatch = hooked.get("dispatchUncaughtException(Ljava/lang/Throwable;)V");
                assertEquals(List.of("ALOAD 0", UNCAUGHT), dispatch.subList(0, 2));
                assertEquals(1, count(hooked, UNCAUGHT));
            }));
        }
        return tests;
    }

    @Test
    void the_hooks_are_public_static_methods_of_the_runtime() throws Exception {
        for (Method m : List.of(ExitStatus.class.getMethod("exiting", int.class),
                ExitStatus.class.getMethod("uncaught", Thread.class))) {
            assertTrue(Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()), m::toString);
        }
        assertTrue(JdkThreadHooks.hooks("java/lang/Shutdown"));
    }

    private static byte[] hook(byte[] original) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new JdkThreadHooks(writer), 0);
        return writer.toByteArray();
    }

    private static long count(Map<String, List<String>> methods, String instruction) {
        return methods.values().stream().flatMap(List::stream).filter(instruction::equals).count();
    }
}
