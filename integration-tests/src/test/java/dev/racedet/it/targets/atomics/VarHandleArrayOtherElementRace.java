package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Race: release/acquire on different elements of an {@code int[]} through
 * {@code arrayElementVarHandle}. The producer releases element 0 early, writes the data, and
 * releases element 1; the consumer acquires element 0 only. Synchronization is per location, so
 * the data write after element 0's release is unordered with the consumer's read.
 */
public class VarHandleArrayOtherElementRace {
    private static final VarHandle FLAG = MethodHandles.arrayElementVarHandle(int[].class);

    private int data;

    public static void main(String[] args) throws Exception {
        VarHandleArrayOtherElementRace state = new VarHandleArrayOtherElementRace();
        int[] flags = new int[2];
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    FLAG.setRelease(flags, 0, 1);
                    state.data = 3; // RACE
                    FLAG.setRelease(flags, 1, 1);
                },
                () -> {
                    while ((int) FLAG.getAcquire(flags, 0) == 0) {
                        Thread.onSpinWait();
                    }
                    seen[0] = state.data; // RACE
                });
    }
}
