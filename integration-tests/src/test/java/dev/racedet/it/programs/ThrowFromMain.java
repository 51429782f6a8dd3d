package dev.racedet.it.programs;

import dev.racedet.it.targets.Racers;

/** Races once, then lets an exception escape {@code main}: the JSON report must still be written. */
public final class ThrowFromMain {
    static int shared;

    public static void main(String[] args) throws InterruptedException {
        Racers.race(() -> shared = 1, () -> shared = 2);
        throw new IllegalStateException("escaping main on purpose");
    }
}
