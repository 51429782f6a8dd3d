package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Race: one thread writes element 3 of a {@code boolean[]} while another reads the same element,
 * with no synchronization. Array elements are variables like fields (JLS 17.4.1); the element holds
 * a flag. Element 2 is written by the reader only, and is not part of the race.
 */
public class BooleanArraySameElementRace {
    public static void main(String[] args) throws Exception {
        boolean[] flags = new boolean[8];
        boolean[] seen = new boolean[1];
        Racers.race(
                () -> flags[3] = true, // RACE
                () -> {
                    flags[2] = flags[1];
                    seen[0] = flags[3]; // RACE
                });
    }
}
