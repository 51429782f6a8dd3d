package dev.racedet.it.arrays.programs;

/**
 * A matrix is an array of rows: an element of a row races as an element of the row, and replacing a
 * row races with loading it (an element of the outer array).
 */
public class TwoDimensional {
    int[][] cells = new int[3][3];

    public static void main(String[] args) throws Exception {
        TwoDimensional g = new TwoDimensional();
        Racers.race(() -> {
            g.cells[1][2] = 5; // RACE
            g.cells[0] = new int[3]; // RACE
        }, () -> {
            g.cells[1][2]++; // RACE
            int v = g.cells[0][1]; // RACE
        });
        System.out.println("done");
    }
}
