package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Race: one thread writes element 3 of a {@code double[]} while another reads the same element,
 * with no synchronization. Array elements are variables like fields (JLS 17.4.1); the element holds
 * a double (two 32-bit halves, no atomicity either). Element 2 is written by the reader only, and is not part of the race.
 */
public class DoubleArraySameElementRace {
    public static void main(String[] args) throws Exception {
        double[] doubles = new double[8];
        double[] seen = new double[1];
        Racers.race(
                () -> doubles[3] = 2.25, // RACE
                () -> {
                    doubles[2] = doubles[1];
                    seen[0] = doubles[3]; // RACE
                });
    }
}
