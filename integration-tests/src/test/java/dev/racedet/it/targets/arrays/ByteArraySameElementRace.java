package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Race: one thread writes element 3 of a {@code byte[]} while another reads the same element,
 * with no synchronization. Array elements are variables like fields (JLS 17.4.1); the element holds
 * a byte. Element 2 is written by the reader only, and is not part of the race.
 */
public class ByteArraySameElementRace {
    public static void main(String[] args) throws Exception {
        byte[] bytes = new byte[8];
        byte[] seen = new byte[1];
        Racers.race(
                () -> bytes[3] = (byte) 7, // RACE
                () -> {
                    bytes[2] = bytes[1];
                    seen[0] = bytes[3]; // RACE
                });
    }
}
