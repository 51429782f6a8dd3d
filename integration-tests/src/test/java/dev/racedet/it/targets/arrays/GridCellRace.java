package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Race: two threads update the same cell {@code grid[2][5]} of a {@code int[][]}. Both only read
 * the outer array (the row load {@code grid[2]} is a read of element 2 of the outer array, read
 * by both: no conflict); the conflicting accesses are to element 5 of the shared row.
 */
public class GridCellRace {
    public static void main(String[] args) throws Exception {
        int[][] grid = new int[4][8];
        Racers.race(
                () -> grid[2][5] = 1, // RACE
                () -> grid[2][5] = 2); // RACE
    }
}
