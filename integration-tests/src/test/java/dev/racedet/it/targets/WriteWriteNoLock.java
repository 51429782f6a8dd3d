package dev.racedet.it.targets;

/**
 * Write/write race on a plain {@code int} field: two racers store different values into the same
 * field of the same object with no synchronization at all. Neither store is ordered with the
 * other, so the pair of store lines is a race whichever racer runs first.
 */
public class WriteWriteNoLock {

    static final class Cell {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Cell cell = new Cell();
        cell.value = -1; // before start: ordered with both racers

        Racers.race(
                () -> cell.value = 1, // RACE
                () -> cell.value = 2); // RACE

        if (cell.value != 1 && cell.value != 2) { // after join: ordered
            throw new AssertionError("unexpected value");
        }
    }
}
