package dev.racedet.it.output;

import dev.racedet.it.targets.Racers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Races once, waits until the JSON report on disk (args[0]) names the raced field, then ends the JVM
 * with {@code Runtime.halt(3)}: no shutdown hook runs, so only a report written while the program ran
 * can hold the race. Gives up waiting after a minute (and halts anyway), so a racedet that never
 * writes the report early fails the test instead of hanging it.
 */
public final class HaltAfterRace {
    static int shared;

    public static void main(String[] args) throws Exception {
        Racers.race(() -> shared = 1, () -> shared = 2);
        Path json = Path.of(args[0]);
        for (int i = 0; i < 3000 && !names(json, "HaltAfterRace.shared"); i++) {
            Thread.sleep(20);
        }
        System.out.println("halting");
        Runtime.getRuntime().halt(3);
    }

    private static boolean names(Path json, String field) {
        try {
            return Files.readString(json, StandardCharsets.UTF_8).contains(field);
        } catch (Exception e) {
            return false;
        }
    }
}
