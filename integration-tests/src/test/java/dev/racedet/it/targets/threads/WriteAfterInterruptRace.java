package dev.racedet.it.targets.threads;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Race: the interrupter writes the data after {@code interrupt()}. Detecting the interrupt orders
 * the interrupted thread after what preceded the interrupt only, so its read races with the later
 * write.
 */
public class WriteAfterInterruptRace {
    private int data;

    public static void main(String[] args) throws Exception {
        WriteAfterInterruptRace state = new WriteAfterInterruptRace();
        AtomicReference<Thread> target = new AtomicReference<>();
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    Thread t;
                    while ((t = target.get()) == null) {
                        Thread.onSpinWait();
                    }
                    t.interrupt();
                    state.data = 1; // RACE
                },
                () -> {
                    target.set(Thread.currentThread());
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait();
                    }
                    seen[0] = state.data; // RACE
                });
    }
}
