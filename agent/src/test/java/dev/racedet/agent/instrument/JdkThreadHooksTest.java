package dev.racedet.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hooks land exactly where they must in the real {@code Thread} and {@code VirtualThread} class
 * files of each installed JDK (17 and 25), and nowhere else.
 */
class JdkThreadHooksTest {
    private static final String STARTING = "INVOKESTATIC dev/racedet/runtime/ThreadHooks.threadStarting(Ljava/lang/Thread;)V";
    private static final String EXIT = "INVOKESTATIC dev/racedet/runtime/ThreadHooks.threadExit()V";
    private static final String UNMOUNTED =
            "INVOKESTATIC dev/racedet/runtime/ThreadHooks.virtualThreadUnmounted(Ljava/lang/Thread;)V";
    private static final String TASK =
            "INVOKESTATIC dev/racedet/runtime/ThreadHooks.virtualThreadTask(Ljava/lang/Runnable;)Ljava/lang/Runnable;";

    private static final String ADDED = "INVOKESTATIC dev/racedet/runtime/ThreadHooks.shutdownHookAdded(Ljava/lang/Thread;)V";

    @TestFactory
    List<DynamicTest> thread_start_reports_the_child_before_every_start0_and_exit_reports_at_entry() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path home : Bytecode.jdkHomes()) {
            tests.add(DynamicTest.dynamicTest(home.getFileName().toString(), () -> {
                byte[] original = Bytecode.jdkClass(home, "java/lang/Thread");
                Map<String, List<String>> hooked = Bytecode.instructions(hook(original));
                Map<String, List<String>> before = Bytecode.instructions(original);

                int start0Calls = 0;
                for (Map.Entry<String, List<String>> method : hooked.entrySet()) {
                    List<String> code = method.getValue();
                    for (int i = 0; i < code.size(); i++) {
                        if (code.get(i).equals("INVOKEVIRTUAL java/lang/Thread.start0()V")) {
                            start0Calls++;
                            assertEquals(List.of("DUP", STARTING), code.subList(i - 2, i), method.getKey());
                        }
                    }
                }
                assertTrue(start0Calls >= 1, "Thread calls start0");
                assertEquals(start0Calls, count(hooked, STARTING));
                assertEquals(EXIT, hooked.get("exit()V").get(0));
                assertEquals(1, count(hooked, EXIT));
                assertEquals(before.get("exit()V"), hooked.get("exit()V").subList(1, hooked.get("exit()V").size()));
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> virtual_thread_start_reports_the_child_after_the_state_change_and_wraps_the_task() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path home : Bytecode.jdkHomes()) {
            tests.add(DynamicTest.dynamicTest(home.getFileName().toString(), () -> {
                byte[] original = Bytecode.jdkClass(home, "java/lang/VirtualThread");
                if (original == null) {
                    return; // JDK 17 has no virtual threads: nothing to hook
                }
                Map<String, List<String>> hooked = Bytecode.instructions(hook(original));

                List<String> start = hooked.get("start(Ljdk/internal/vm/ThreadContainer;)V");
                assertNotNull(start);
                int set = start.indexOf("INVOKEVIRTUAL java/lang/VirtualThread.setThreadContainer(Ljdk/internal/vm/ThreadContainer;)V");
                assertTrue(set > 0, start::toString);
                assertEquals(List.of("SWAP", "DUP_X1", STARTING), start.subList(set - 3, set));
                assertTrue(start.subList(0, set).stream().anyMatch(i -> i.contains("compareAndSetState")),
                        "the hook follows the NEW -> STARTED transition");
                assertEquals(List.of("ALOAD 1", TASK, "ASTORE 1"), hooked.get("run(Ljava/lang/Runnable;)V").subList(0, 3));
                assertEquals(List.of("ALOAD 0", UNMOUNTED), hooked.get("afterYield()V").subList(0, 2),
                        "the carrier gives the unmounted thread's slot back before any state change");
                assertEquals(1, count(hooked, STARTING));
                assertEquals(1, count(hooked, TASK));
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> shutdown_hook_registration_hands_the_registrar_to_the_hook_before_each_return() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path home : Bytecode.jdkHomes()) {
            tests.add(DynamicTest.dynamicTest(home.getFileName().toString(), () -> {
                byte[] original = Bytecode.jdkClass(home, "java/lang/ApplicationShutdownHooks");
                Map<String, List<String>> hooked = Bytecode.instructions(hook(original));

                List<String> add = hooked.get("add(Ljava/lang/Thread;)V");
                assertNotNull(add);
                int returns = 0;
                for (int i = 0; i < add.size(); i++) {
                    if (add.get(i).equals("RETURN")) {
                        returns++;
                        assertEquals(List.of("ALOAD 0", ADDED), add.subList(i - 2, i));
                    }
                }
                assertTrue(returns >= 1, add::toString);
                assertEquals(returns, count(hooked, ADDED), "only add(Thread) is hooked");
            }));
        }
        return tests;
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
