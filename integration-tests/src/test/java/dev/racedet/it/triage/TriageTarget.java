package dev.racedet.it.triage;

import dev.racedet.it.targets.Racers;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Races on five fields, then ends the way {@code args[0]} says. Two races are plain
 * ({@code plain}, written by lambdas in {@code main}; {@code other}, written in {@link #writeOther}),
 * three are marked benign in code with annotations this program declares itself, as a user without
 * any racedet dependency would: a field ({@code marked}), a method ({@link #bump}) and a class
 * ({@link Legacy}, nested classes included). Prints its pid first and {@code main continued} after
 * the races, so a test can tell whether {@code halt} stopped it.
 *
 * <p>Endings: {@code return}, {@code exit0} ({@code System.exit(0)}), {@code runtimeExit0}
 * ({@code Runtime.getRuntime().exit(0)}), {@code exit3}, {@code throw} (an exception out of
 * {@code main}). {@code clean} races on nothing and returns.
 */
public final class TriageTarget {
    /** CLASS retention: invisible to reflection, found in the class file. */
    @Retention(RetentionPolicy.CLASS)
    @interface BenignRace {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface RacedetIgnore {
    }

    static int plain;
    static int other;
    @BenignRace
    static int marked;
    static int inMarkedMethod;

    @RacedetIgnore
    static final class Legacy {
        static int count;

        static final class Inner {
            static void touch(int v) {
                count = v;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String ending = args[0];
        System.out.println("pid " + ProcessHandle.current().pid());
        if (!ending.equals("clean")) {
            // Racing threads write while holding System.err's lock on one side: a report (or a halt)
            // printed from inside must not deadlock on it.
            Racers.race(() -> {
                synchronized (System.err) {
                    plain = 1;
                }
            }, () -> plain = 2);
            Racers.race(() -> writeOther(1), () -> writeOther(2));
            Racers.race(() -> marked = 1, () -> marked = 2);
            Racers.race(() -> bump(1), () -> bump(2));
            Racers.race(() -> Legacy.Inner.touch(1), () -> Legacy.Inner.touch(2));
        }
        System.out.println("main continued");
        switch (ending) {
            case "exit0" -> System.exit(0);
            case "runtimeExit0" -> Runtime.getRuntime().exit(0);
            case "exit3" -> System.exit(3);
            case "throw" -> throw new IllegalStateException("main fails on purpose");
            default -> {
                // return, clean: main returns
            }
        }
    }

    static void writeOther(int v) {
        other = v;
    }

    @BenignRace
    static void bump(int v) {
        inMarkedMethod = v;
    }
}
