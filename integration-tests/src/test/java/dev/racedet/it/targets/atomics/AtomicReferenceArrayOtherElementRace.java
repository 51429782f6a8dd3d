package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Race: an object is published in element 0 of an {@code AtomicReferenceArray}, but the consumer
 * finds it through element 1, which the producer had set (to the same object) before finishing it.
 * The consumer is ordered after the element-1 store only, so the later field write races.
 */
public class AtomicReferenceArrayOtherElementRace {
    static final class Node {
        int key;
        int value;
    }

    public static void main(String[] args) throws Exception {
        AtomicReferenceArray<Node> slots = new AtomicReferenceArray<>(2);
        int[] seen = new int[2];
        Racers.race(
                () -> {
                    Node n = new Node();
                    n.key = 1;
                    slots.set(1, n);
                    n.value = 9; // RACE
                    slots.set(0, n);
                },
                () -> {
                    Node n;
                    while ((n = slots.get(1)) == null) {
                        Thread.onSpinWait();
                    }
                    seen[0] = n.key;
                    seen[1] = n.value; // RACE
                });
        if (seen[0] != 1) {
            throw new AssertionError("array broken");
        }
    }
}
