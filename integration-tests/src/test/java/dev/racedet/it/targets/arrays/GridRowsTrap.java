package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Trap: a {@code long[][]} grid whose rows are split between two threads; both read the outer array
 * (row loads are reads, so they never conflict) and each writes cells of its own rows only.
 */
public class GridRowsTrap {
    public static void main(String[] args) throws Exception {
        long[][] grid = new long[6][10];
        Racers.race(
                () -> {
                    for (int r = 0; r < 3; r++) {
                        for (int c = 0; c < 10; c++) {
                            grid[r][c] = r * 10 + c;
                        }
                    }
                },
                () -> {
                    for (int r = 3; r < 6; r++) {
                        for (int c = 0; c < 10; c++) {
                            grid[r][c] = r * 10 + c;
                        }
                    }
                });
        long sum = 0;
        for (long[] row : grid) {
            for (long v : row) {
                sum += v;
            }
        }
        if (sum != 1770) {
            throw new AssertionError("sum " + sum);
        }
    }
}
