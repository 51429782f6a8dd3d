package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;
import java.util.Arrays;

/**
 * Race: {@code Arrays.fill} writes every element of a {@code char[]} while another thread reads
 * element 2: the fill's write of element 2 conflicts with the read.
 */
public class ArraysFillRace {
    public static void main(String[] args) throws Exception {
        char[] line = new char[6];
        char[] seen = new char[1];
        Racers.race(
                () -> Arrays.fill(line, '-'), // RACE
                () -> seen[0] = line[2]); // RACE
    }
}
