package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Race: one thread writes element 3 of a {@code long[]} while another reads the same element,
 * with no synchronization. Array elements are variables like fields (JLS 17.4.1); the element holds
 * a long (two 32-bit halves, no atomicity either). Element 2 is written by the reader only, and is not part of the race.
 */
public class LongArraySameElementRace {
    public static void main(String[] args) throws Exception {
        long[] longs = new long[8];
        long[] seen = new long[1];
        Racers.race(
                () -> longs[3] = 1L << 40, // RACE
                () -> {
                    longs[2] = longs[1];
                    seen[0] = longs[3]; // RACE
                });
    }
}
