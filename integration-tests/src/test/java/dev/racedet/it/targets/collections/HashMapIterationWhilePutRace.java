package dev.racedet.it.targets.collections;

import dev.racedet.it.targets.Racers;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Map;

/**
 * Race: one thread iterates a {@code HashMap} (main filled it before the race) while another puts a
 * new key: the iterator reads {@code modCount} and the table that {@code put} writes. The iterator may
 * throw {@code ConcurrentModificationException} (tolerated: the race happened either way).
 */
public class HashMapIterationWhilePutRace {
    public static void main(String[] args) throws Exception {
        Map<Integer, Integer> prices = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            prices.put(i, i);
        }
        int[] seen = new int[1];
        Racers.race(
                () -> prices.put(100, 100), // RACE
                () -> {
                    try {
                        for (Map.Entry<Integer, Integer> e : prices.entrySet()) { // RACE
                            seen[0] += e.getValue();
                        }
                    } catch (ConcurrentModificationException tolerated) {
                        seen[0] = -1;
                    }
                });
    }
}
