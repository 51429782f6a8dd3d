package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Race: the producer sets element 1 of an {@code AtomicIntegerArray}, writes the data, then sets
 * element 0. The consumer waits for element 1 only: that orders what preceded element 1's store,
 * not the data written after it. Publishing element 0 does not order a reader of element 1.
 */
public class AtomicIntegerArrayOtherElementRace {
    private int data;

    public static void main(String[] args) throws Exception {
        AtomicIntegerArrayOtherElementRace state = new AtomicIntegerArrayOtherElementRace();
        AtomicIntegerArray flags = new AtomicIntegerArray(2);
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    flags.set(1, 1);
                    state.data = 7; // RACE
                    flags.set(0, 1);
                },
                () -> {
                    while (flags.get(1) == 0) {
                        Thread.onSpinWait();
                    }
                    seen[0] = state.data; // RACE
                });
    }
}
