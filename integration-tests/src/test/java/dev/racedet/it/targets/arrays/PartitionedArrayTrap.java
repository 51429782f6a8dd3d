package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Trap: an array filled by main, then partitioned between two threads that each transform their own
 * half in place, then summed by main after {@code join}. Every element is written by one thread
 * between two edges (start, join) and read by the others only across those edges.
 */
public class PartitionedArrayTrap {
    public static void main(String[] args) throws Exception {
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        int half = values.length / 2;
        Racers.race(
                () -> {
                    for (int i = 0; i < half; i++) {
                        values[i] *= 2;
                    }
                },
                () -> {
                    for (int i = half; i < values.length; i++) {
                        values[i] *= 2;
                    }
                });
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        if (sum != 999_000) {
            throw new AssertionError("sum " + sum);
        }
    }
}
