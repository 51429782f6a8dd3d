package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Race: {@code clone()} of an {@code int[]} reads every element while another thread writes
 * element 0 of it.
 */
public class ArrayCloneRace {
    public static void main(String[] args) throws Exception {
        int[] counters = new int[4];
        int[][] snapshot = new int[1][];
        Racers.race(
                () -> snapshot[0] = counters.clone(), // RACE
                () -> counters[0] = 1); // RACE
    }
}
