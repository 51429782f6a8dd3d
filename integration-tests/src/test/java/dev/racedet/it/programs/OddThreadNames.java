package dev.racedet.it.programs;

import dev.racedet.it.targets.Racers;

/**
 * Two racers whose names need every kind of JSON escaping; each renames itself before racing.
 * The names are printed by main (after the race) so the test knows what to expect.
 */
public final class OddThreadNames {
    static final String FIRST = "quote\" back\\slash /slash";
    static final String SECOND = "tab\t newline\n bell\u0007 caf\u00e9 clef\uD834\uDD1E";
    static int shared;

    public static void main(String[] args) throws InterruptedException {
        Racers.race(
                () -> {
                    Thread.currentThread().setName(FIRST);
                    shared = 1;
                },
                () -> {
                    Thread.currentThread().setName(SECOND);
                    shared = 2;
                });
    }
}
