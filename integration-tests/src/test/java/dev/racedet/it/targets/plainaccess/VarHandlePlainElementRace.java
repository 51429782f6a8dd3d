package dev.racedet.it.targets.plainaccess;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Race: plain {@code set} and {@code get} of one element of a {@code long[]} through
 * {@code arrayElementVarHandle}, from two threads with no synchronization. The other elements each
 * thread touches are its own, so only element 2 is reported.
 */
public class VarHandlePlainElementRace {
    private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(long[].class);

    public static void main(String[] args) throws Exception {
        long[] cells = new long[4];
        long[] seen = new long[1];
        Racers.race(
                () -> {
                    CELL.set(cells, 0, 1L);
                    CELL.set(cells, 2, 7L); // RACE
                },
                () -> {
                    CELL.set(cells, 1, 1L);
                    seen[0] = (long) CELL.get(cells, 2); // RACE
                });
    }
}
