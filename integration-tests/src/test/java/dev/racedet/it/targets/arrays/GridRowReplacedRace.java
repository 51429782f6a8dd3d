package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Race: one thread replaces row 1 of a {@code int[][]} ({@code grid[1] = new int[..]}, a write of
 * element 1 of the outer array) while the other reads a cell of row 1: its row load
 * {@code grid[1]} reads that same outer element. (If the reader gets the new row, its read of that
 * row's element 0 also races with the row's initialization: the same two lines.)
 */
public class GridRowReplacedRace {
    public static void main(String[] args) throws Exception {
        int[][] grid = new int[3][3];
        int[] seen = new int[1];
        Racers.race(
                () -> grid[1] = new int[] {7, 7, 7}, // RACE
                () -> seen[0] = grid[1][0]); // RACE
    }
}
