package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Race: the flag is an {@code AtomicInteger}, but the producer sets it with {@code setPlain}, which
 * has plain memory semantics (no release). The consumer's volatile read of the flag therefore
 * synchronizes with nothing, and the data write is unordered with the data read.
 */
public class AtomicSetPlainRace {
    private int data;

    public static void main(String[] args) throws Exception {
        AtomicSetPlainRace state = new AtomicSetPlainRace();
        AtomicInteger flag = new AtomicInteger();
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    state.data = 5; // RACE
                    flag.setPlain(1);
                },
                () -> {
                    while (flag.get() == 0) {
                        Thread.onSpinWait();
                    }
                    seen[0] = state.data; // RACE
                });
    }
}
