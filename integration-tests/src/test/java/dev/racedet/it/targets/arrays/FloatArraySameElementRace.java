package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Race: one thread writes element 3 of a {@code float[]} while another reads the same element,
 * with no synchronization. Array elements are variables like fields (JLS 17.4.1); the element holds
 * a float. Element 2 is written by the reader only, and is not part of the race.
 */
public class FloatArraySameElementRace {
    public static void main(String[] args) throws Exception {
        float[] floats = new float[8];
        float[] seen = new float[1];
        Racers.race(
                () -> floats[3] = 1.5f, // RACE
                () -> {
                    floats[2] = floats[1];
                    seen[0] = floats[3]; // RACE
                });
    }
}
