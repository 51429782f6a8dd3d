package dev.racedet.runtime.triage;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The code the program marked as racing on purpose, with an annotation named {@code BenignRace} or
 * {@code RacedetIgnore} (any package, any retention): fields (races on them are suppressed), methods
 * and classes (races whose access site is in them, nested classes included, are suppressed). Filled
 * when a class is loaded, from its class file ({@code dev.racedet.agent.BenignRaceScanner}), so
 * {@code CLASS}-retention annotations count and nothing is looked up per access; read only when a
 * new race is judged.
 *
 * <p>Callers must be inside racedet's guard ({@code Racedet.beginInternal}): the sets are JDK
 * concurrent maps, whose synchronization is not the program's.
 */
public final class BenignMarks {
    /** The simple names of the annotations racedet recognizes. */
    public static final Set<String> ANNOTATIONS = Set.of("BenignRace", "RacedetIgnore");

    private static final Set<String> FIELDS = ConcurrentHashMap.newKeySet();
    private static final Set<String> METHODS = ConcurrentHashMap.newKeySet();
    private static final Set<String> CLASSES = ConcurrentHashMap.newKeySet();

    private BenignMarks() {
    }

    /** Whether {@code descriptor} ({@code Lcom/acme/BenignRace;}) is one of the {@link #ANNOTATIONS}. */
    public static boolean isMarker(String descriptor) {
        int start = Math.max(descriptor.lastIndexOf('/'), descriptor.lastIndexOf('$')) + 1;
        if (start == 0) {
            start = 1; // "LBenignRace;": the default package
        }
        int end = descriptor.endsWith(";") ? descriptor.length() - 1 : descriptor.length();
        return start < end && ANNOTATIONS.contains(descriptor.substring(start, end));
    }

    /** {@code className} is a binary name ({@code com.acme.Cache}). */
    public static void markField(String className, String field) {
        FIELDS.add(className + "." + field);
    }

    public static void markMethod(String className, String method) {
        METHODS.add(className + "." + method);
    }

    public static void markClass(String className) {
        CLASSES.add(className);
    }

    static boolean isEmpty() {
        return FIELDS.isEmpty() && METHODS.isEmpty() && CLASSES.isEmpty();
    }

    /** The mark that covers the race ({@code @BenignRace on field com.acme.C.f}), or {@code null}. */
    static String match(RaceFacts race) {
        if (FIELDS.contains(race.fieldWithoutElements())) {
            return "@BenignRace on field " + race.fieldWithoutElements();
        }
        for (RaceFacts.Site site : race.sites()) {
            if (METHODS.contains(site.qualified())) {
                return "@BenignRace on method " + site.qualified();
            }
            String c = site.className();
            while (true) {
                if (CLASSES.contains(c)) {
                    return "@BenignRace on class " + c;
                }
                int nested = c.lastIndexOf('$');
                if (nested <= 0) {
                    break;
                }
                c = c.substring(0, nested);
            }
        }
        return null;
    }
}
