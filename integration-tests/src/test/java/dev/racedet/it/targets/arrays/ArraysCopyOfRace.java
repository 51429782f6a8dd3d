package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;
import java.util.Arrays;

/**
 * Race: {@code Arrays.copyOf} reads every element of the original while another thread writes
 * element 1 of it.
 */
public class ArraysCopyOfRace {
    public static void main(String[] args) throws Exception {
        String[] names = {"a", "b", "c"};
        String[][] copies = new String[1][];
        Racers.race(
                () -> copies[0] = Arrays.copyOf(names, 5), // RACE
                () -> names[1] = "B"); // RACE
    }
}
