package dev.racedet.it.targets.jdkmonitors;

import dev.racedet.it.targets.Racers;
import java.util.Vector;

/**
 * Race: the {@code Vector}'s monitor orders its own methods, not the elements' fields. The producer
 * mutates an element after adding it; the consumer gets it and reads that field.
 */
public class VectorElementMutatedRace {
    static final class Task {
        int id;
        boolean cancelled;
    }

    public static void main(String[] args) throws Exception {
        Vector<Task> tasks = new Vector<>();
        int[] seen = new int[1];
        boolean[] cancelled = new boolean[1];
        Racers.race(
                () -> {
                    Task t = new Task();
                    t.id = 5;
                    tasks.add(t);
                    t.cancelled = true; // RACE
                },
                () -> {
                    while (tasks.isEmpty()) {
                        Thread.onSpinWait();
                    }
                    Task t = tasks.get(0);
                    seen[0] = t.id;
                    cancelled[0] = t.cancelled; // RACE
                });
        if (seen[0] != 5) {
            throw new AssertionError("vector broken");
        }
    }
}
