package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Race: one thread writes element 3 of a {@code char[]} while another reads the same element,
 * with no synchronization. Array elements are variables like fields (JLS 17.4.1); the element holds
 * a char. Element 2 is written by the reader only, and is not part of the race.
 */
public class CharArraySameElementRace {
    public static void main(String[] args) throws Exception {
        char[] chars = new char[8];
        char[] seen = new char[1];
        Racers.race(
                () -> chars[3] = 'x', // RACE
                () -> {
                    chars[2] = chars[1];
                    seen[0] = chars[3]; // RACE
                });
    }
}
