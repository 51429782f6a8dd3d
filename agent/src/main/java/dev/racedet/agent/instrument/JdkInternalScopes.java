package dev.racedet.agent.instrument;

import java.util.Map;
import java.util.Set;

/**
 * The JDK methods run as internal scopes ({@link InternalScopeVisitor}, {@code ScopeHooks}): the
 * JVM's up-calls that load classes and link call sites, method handles, dynamic constants and
 * method types, and the {@code MethodType} intern table. Their shared caches synchronize every thread
 * that loads or links with every other one; the program never relies on that, and modeling it would
 * order unrelated threads and hide their races.
 *
 * <p>Class initialization is deliberately not a scope: {@code Class.forName} and the first use of a
 * class run its static initializer, whose writes and happens-before edge the program does rely on.
 * {@code loadClass} only loads.
 */
final class JdkInternalScopes {
    private static final Map<String, Set<String>> METHODS = Map.of(
            "java/lang/ClassLoader", Set.of("loadClass"),
            "jdk/internal/loader/BuiltinClassLoader", Set.of("loadClass", "loadClassOrNull"),
            "java/lang/invoke/MethodHandleNatives", Set.of("linkCallSite", "linkDynamicConstant", "linkMethod",
                    "linkMethodHandleConstant", "findMethodHandleType"),
            "java/lang/invoke/MethodType", Set.of("makeImpl"));

    private JdkInternalScopes() {
    }

    /** Whether method {@code name} of JDK class {@code owner} (internal names) runs as an internal scope. */
    static boolean covers(String owner, String name) {
        Set<String> names = METHODS.get(owner);
        return names != null && names.contains(name);
    }

    /** Whether JDK class {@code owner} has a method that runs as an internal scope. */
    static boolean hasScopes(String owner) {
        return METHODS.containsKey(owner);
    }
}
