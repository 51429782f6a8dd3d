package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Trap: a {@code ConcurrentSkipListMap} filled by two writers and scanned by a reader that waits
 * until it sees every key. Each value's field was written before its {@code put}, which
 * happens-before the retrieval that observes it.
 */
public class ConcurrentSkipListMapTrap {
    static final class Price {
        long cents;
    }

    public static void main(String[] args) throws Exception {
        ConcurrentSkipListMap<Integer, Price> book = new ConcurrentSkipListMap<>();
        long[] sum = new long[1];
        Racers.race(
                () -> {
                    for (int i = 0; i < 50; i += 2) {
                        Price p = new Price();
                        p.cents = i;
                        book.put(i, p);
                    }
                },
                () -> {
                    for (int i = 1; i < 50; i += 2) {
                        Price p = new Price();
                        p.cents = i;
                        book.put(i, p);
                    }
                },
                () -> {
                    while (book.size() < 50) {
                        Thread.onSpinWait();
                    }
                    for (Map.Entry<Integer, Price> e : book.entrySet()) {
                        sum[0] += e.getValue().cents;
                    }
                });
        if (sum[0] != 1225) {
            throw new AssertionError("sum " + sum[0]);
        }
    }
}
