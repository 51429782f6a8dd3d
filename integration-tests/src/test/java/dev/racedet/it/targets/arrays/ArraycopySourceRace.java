package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Race: {@code System.arraycopy} reads elements 0..7 of the source while another thread writes
 * source element 5. The bulk copy reads every element it copies, so it conflicts with that write.
 */
public class ArraycopySourceRace {
    public static void main(String[] args) throws Exception {
        int[] src = new int[8];
        int[] dst = new int[8];
        Racers.race(
                () -> System.arraycopy(src, 0, dst, 0, 8), // RACE
                () -> src[5] = 9); // RACE
    }
}
