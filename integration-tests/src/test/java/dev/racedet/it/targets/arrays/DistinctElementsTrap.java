package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Trap: two threads write neighbouring elements of the same arrays ({@code a[3]} and {@code a[4]},
 * and even/odd indexes of a {@code long[]} and a {@code byte[]}). Distinct elements are distinct
 * variables (JLS 17.4.1; no word tearing, JLS 17.6), so there is no conflict. Main reads all after
 * {@code join}.
 */
public class DistinctElementsTrap {
    public static void main(String[] args) throws Exception {
        int[] a = new int[8];
        long[] wide = new long[64];
        byte[] narrow = new byte[64];
        Racers.race(
                () -> {
                    for (int r = 0; r < 100; r++) {
                        a[3]++;
                        for (int i = 0; i < 64; i += 2) {
                            wide[i] += i;
                            narrow[i]++;
                        }
                    }
                },
                () -> {
                    for (int r = 0; r < 100; r++) {
                        a[4]++;
                        for (int i = 1; i < 64; i += 2) {
                            wide[i] += i;
                            narrow[i]++;
                        }
                    }
                });
        long sum = 0;
        for (int i = 0; i < 64; i++) {
            sum += wide[i] + narrow[i];
        }
        if (a[3] != 100 || a[4] != 100 || sum != 100 * 2016 + 64 * 100) {
            throw new AssertionError("sum " + sum);
        }
    }
}
