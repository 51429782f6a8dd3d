package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Trap: per-element publication through {@code AtomicIntegerArray} and {@code AtomicReferenceArray}.
 * {@code set} of element i has volatile semantics and the consumer's {@code get} of the same
 * element i synchronizes with it, so the plain data written before each {@code set} is ordered
 * before the consumer's reads after seeing that element.
 */
public class AtomicIntegerArrayElementTrap {
    static final class Item {
        String name;
        int qty;
    }

    private int[] payload = new int[4];

    public static void main(String[] args) throws Exception {
        AtomicIntegerArrayElementTrap state = new AtomicIntegerArrayElementTrap();
        AtomicIntegerArray ready = new AtomicIntegerArray(4);
        AtomicReferenceArray<Item> items = new AtomicReferenceArray<>(4);
        int[] sum = new int[1];
        Racers.race(
                () -> {
                    for (int i = 0; i < 4; i++) {
                        state.payload[i] = i + 1;
                        ready.set(i, 1);
                        Item it = new Item();
                        it.name = "n";
                        it.qty = i;
                        items.set(i, it);
                    }
                },
                () -> {
                    for (int i = 0; i < 4; i++) {
                        while (ready.get(i) == 0) {
                            Thread.onSpinWait();
                        }
                        sum[0] += state.payload[i];
                        Item it;
                        while ((it = items.get(i)) == null) {
                            Thread.onSpinWait();
                        }
                        sum[0] += it.qty + it.name.length();
                    }
                });
        if (sum[0] != 10 + 6 + 4) {
            throw new AssertionError("sum " + sum[0]);
        }
    }
}
