package dev.racedet.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.ClassFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JDK's loading and linkage methods run as internal scopes: the enter hook is their first call
 * and the exit hook runs before every return; methods outside the list are left alone.
 */
class InternalScopeVisitorTest {
    private static final String ENTER = "INVOKESTATIC dev/racedet/runtime/ScopeHooks.enter()Z";
    private static final String EXIT = "INVOKESTATIC dev/racedet/runtime/ScopeHooks.exit(Z)V";

    @Test
    void loading_and_linkage_methods_enter_a_scope_first_and_leave_it_before_every_return() throws Exception {
        RacedetTransformer transformer = new RacedetTransformer(new ClassFilter(null, null));
        for (Path home : Bytecode.jdkHomes()) {
            Map<String, List<String>> scoped = Map.of(
                    "java/lang/invoke/MethodHandleNatives", List.of("linkCallSite", "linkMethod",
                            "linkDynamicConstant", "linkMethodHandleConstant", "findMethodHandleType"),
                    "java/lang/invoke/MethodType", List.of("makeImpl"),
                    "java/lang/ClassLoader", List.of("loadClass"),
                    "jdk/internal/loader/BuiltinClassLoader", List.of("loadClassOrNull"));
            for (Map.Entry<String, List<String>> e : scoped.entrySet()) {
                byte[] original = Bytecode.jdkClass(home, e.getKey());
                assertNotNull(original, e.getKey() + " in " + home);
                byte[] instrumented = transformer.instrumentJdk(null, e.getKey(), original);
                assertNotNull(instrumented, e.getKey() + " is instrumented in " + home);
                Map<String, List<String>> methods = Bytecode.instructions(instrumented);
                for (String name : e.getValue()) {
                    List<String> found = methods.keySet().stream().filter(m -> m.startsWith(name + "(")).toList();
                    assertFalse(found.isEmpty(), e.getKey() + "." + name + " in " + home);
                    for (String method : found) {
                        assertScoped(e.getKey() + "." + method + " in " + home, methods.get(method));
                    }
                }
            }
        }
    }

    @Test
    void other_methods_of_a_scoped_class_are_not_scopes() throws Exception {
        RacedetTransformer transformer = new RacedetTransformer(new ClassFilter(null, null));
        byte[] original = Bytecode.jdkClass(Path.of(System.getProperty("java.home")), "java/lang/ClassLoader");
        Map<String, List<String>> methods = Bytecode.instructions(transformer.instrumentJdk(null,
                "java/lang/ClassLoader", original));
        assertFalse(methods.get("getParent()Ljava/lang/ClassLoader;").contains(ENTER));
        assertFalse(methods.get("getClassLoadingLock(Ljava/lang/String;)Ljava/lang/Object;").contains(ENTER));
    }

    private static void assertScoped(String where, List<String> code) {
        assertEquals(ENTER, code.get(0), where + " begins with the enter hook: " + code);
        assertEquals(1, code.stream().filter(ENTER::equals).count(), where + " enters once");
        int returns = 0;
        for (int i = 0; i < code.size(); i++) {
            String op = code.get(i);
            if (op.endsWith("RETURN") && !op.contains(" ")) {
                returns++;
                assertEquals(EXIT, code.get(i - 1), where + ": exit hook before the return at " + i);
            }
        }
        assertTrue(returns > 0, where + " returns");
        // The catch-all handler: the exit hook, then ATHROW.
        boolean rethrows = false;
        for (int i = 1; i < code.size(); i++) {
            rethrows |= code.get(i).equals("ATHROW") && code.get(i - 1).equals(EXIT);
        }
        assertTrue(rethrows, where + " has the rethrowing handler");
        assertEquals(returns + 1, code.stream().filter(EXIT::equals).count(), where + " exits before each return and in the handler");
    }
}
