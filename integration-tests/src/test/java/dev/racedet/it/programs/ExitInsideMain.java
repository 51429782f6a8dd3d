package dev.racedet.it.programs;

import dev.racedet.it.targets.Racers;

/** Races once, then ends the JVM with {@code System.exit(3)}: the JSON report must still be written. */
public final class ExitInsideMain {
    static int shared;

    public static void main(String[] args) throws InterruptedException {
        Racers.race(() -> shared = 1, () -> shared = 2);
        System.exit(3);
    }
}
