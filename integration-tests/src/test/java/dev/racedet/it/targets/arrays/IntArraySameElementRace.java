package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Race: one thread writes element 3 of a {@code int[]} while another reads the same element,
 * with no synchronization. Array elements are variables like fields (JLS 17.4.1); the element holds
 * an int. Element 2 is written by the reader only, and is not part of the race.
 */
public class IntArraySameElementRace {
    public static void main(String[] args) throws Exception {
        int[] ints = new int[8];
        int[] seen = new int[1];
        Racers.race(
                () -> ints[3] = 42, // RACE
                () -> {
                    ints[2] = ints[1];
                    seen[0] = ints[3]; // RACE
                });
    }
}
