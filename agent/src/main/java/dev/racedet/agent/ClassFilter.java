package dev.racedet.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides what is instrumented in which class. Names are binary names with dots
 * ({@code com.acme.Outer$Inner}).
 * <ul>
 * <li>{@link #isInstrumentable}: every class outside the JDK and racedet. Its synchronization
 *     (monitors, volatiles, thread start/join, locks, class initialization) is always tracked, so an
 *     edge created in a library that is not checked still orders the checked code.</li>
 * <li>{@link #includes}: the classes whose field accesses are checked for races, from the
 *     {@code include} and {@code exclude} options.</li>
 * </ul>
 */
public final class ClassFilter {
    private static final List<String> NEVER = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.racedet.agent.", "dev.racedet.runtime.",
            "dev.racedet.shaded.", "dev.racedet.Premain");

    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    /** @param include {@code :}-separated patterns, or {@code null} for every class */
    public ClassFilter(String include, String exclude) {
        includes = include == null ? List.of(Pattern.compile(".*")) : compile(include);
        excludes = exclude == null ? List.of() : compile(exclude);
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

    private static boolean matchesAny(List<Pattern> patterns, String name) {
        for (Pattern p : patterns) {
            if (p.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> compile(String patterns) {
        List<Pattern> compiled = new ArrayList<>();
        for (String glob : patterns.split(":")) {
            StringBuilder regex = new StringBuilder();
            for (char c : glob.toCharArray()) {
                switch (c) {
                    case '*' -> regex.append(".*");
                    case '?' -> regex.append('.');
                    default -> regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            compiled.add(Pattern.compile(regex.toString()));
        }
        return compiled;
    }
}
