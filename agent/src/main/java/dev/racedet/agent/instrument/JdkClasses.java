package dev.racedet.agent.instrument;

import java.util.List;

/**
 * Which classes of the JDK get their synchronization instrumented: all of them but racedet's own
 * classes (they are on the bootstrap class path too) and the few that racedet's reentrancy guard
 * itself runs through or that must not run Java code at the points they synchronize:
 * <ul>
 * <li>{@code ThreadLocal}: the guard's own lookup; a hook in it would recurse before the guard is
 *     up.</li>
 * <li>{@code java.lang.ref}: reference processing, run by the JVM's reference handler and by the
 *     guard's weak tables.</li>
 * <li>{@code Unsafe}: its own methods are the operations modeled at their call sites.</li>
 * <li>{@code VirtualThread} and {@code jdk.internal.vm} (continuations): mounting and unmounting run
 *     on a carrier in transition; virtual threads get only their {@link JdkThreadHooks}.</li>
 * <li>{@code sun.instrument}: the JVM calls the transformers through it, before racedet's guard is up
 *     for the transformation.</li>
 * </ul>
 */
final class JdkClasses {
    private static final List<String> EXCLUDED = List.of(
            "dev/racedet/", "java/lang/ThreadLocal", "java/lang/ref/", "jdk/internal/misc/Unsafe",
            "sun/misc/Unsafe", "java/lang/VirtualThread", "jdk/internal/vm/", "sun/instrument/",
            "java/lang/Object");

    private JdkClasses() {
    }

    /** Whether the JDK class {@code internalName} gets its synchronization instrumented. */
    static boolean instruments(String internalName) {
        for (String prefix : EXCLUDED) {
            if (internalName.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }
}
