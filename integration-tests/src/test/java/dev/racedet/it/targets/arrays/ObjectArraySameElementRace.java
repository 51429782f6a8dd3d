package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Race: one thread writes element 3 of a {@code Object[]} while another reads the same element,
 * with no synchronization. Array elements are variables like fields (JLS 17.4.1); the element holds
 * a reference. Element 2 is written by the reader only, and is not part of the race.
 */
public class ObjectArraySameElementRace {
    public static void main(String[] args) throws Exception {
        Object[] objects = new Object[8];
        Object[] seen = new Object[1];
        Racers.race(
                () -> objects[3] = "new", // RACE
                () -> {
                    objects[2] = objects[1];
                    seen[0] = objects[3]; // RACE
                });
    }
}
