package dev.racedet.agent;

import java.util.List;

/**
 * Decides what is instrumented in which class. Names are binary names with dots
 * ({@code com.acme.Outer$Inner}).
 * <ul>
 * <li>{@link #isInstrumentable}: every class outside the JDK and racedet. Its synchronization
 *     (monitors, volatiles, thread start/join, locks, class initialization) is always tracked, so an
 *     edge created in a library that is not checked still orders the checked code.</li>
 * <li>{@link #includes}: the classes whose field accesses are checked for races, from the
 *     {@code include} and {@code exclude} options, matched by {@link ClassPatterns} (linear time, any
 *     number of patterns).</li>
 * </ul>
 */
public final class ClassFilter {
    private static final List<String> NEVER = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.racedet.agent.", "dev.racedet.runtime.",
            "dev.racedet.shaded.", "dev.racedet.Premain");

    private final List<String> includes;
    private final List<String> excludes;

    /**
     * @param include {@code :}-separated patterns, or {@code null} for every class
     * @param exclude the same, or {@code null} for none; both valid as {@link AgentOptions} checks them
     */
    public ClassFilter(String include, String exclude) {
        includes = include == null ? List.of("*") : ClassPatterns.split(include);
        excludes = exclude == null ? List.of() : ClassPatterns.split(exclude);
    }

    /** Whether the class may be instrumented at all: false for the JDK and racedet itself. */
    public boolean isInstrumentable(String className) {
        for (String prefix : NEVER) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the field accesses of this class are checked for races. */
    public boolean includes(String className) {
        return isInstrumentable(className) && matchesAny(includes, className) && !matchesAny(excludes, className);
    }

    private static boolean matchesAny(List<String> patterns, String name) {
        for (String p : patterns) {
            if (ClassPatterns.matches(p, name)) {
                return true;
            }
        }
        return false;
    }
}
