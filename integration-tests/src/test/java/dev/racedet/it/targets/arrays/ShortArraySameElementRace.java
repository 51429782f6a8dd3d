package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Race: one thread writes element 3 of a {@code short[]} while another reads the same element,
 * with no synchronization. Array elements are variables like fields (JLS 17.4.1); the element holds
 * a short. Element 2 is written by the reader only, and is not part of the race.
 */
public class ShortArraySameElementRace {
    public static void main(String[] args) throws Exception {
        short[] shorts = new short[8];
        short[] seen = new short[1];
        Racers.race(
                () -> shorts[3] = (short) 300, // RACE
                () -> {
                    shorts[2] = shorts[1];
                    seen[0] = shorts[3]; // RACE
                });
    }
}
