package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Race: the writer mutates a value after putting it into a {@code ConcurrentHashMap}; the reader
 * gets it and reads the mutated field. Only the writes before {@code put} are published.
 */
public class ConcurrentHashMapValueMutatedRace {
    static final class Account {
        int id;
        long balance;
    }

    public static void main(String[] args) throws Exception {
        ConcurrentHashMap<Integer, Account> map = new ConcurrentHashMap<>();
        long[] seen = new long[2];
        Racers.race(
                () -> {
                    Account a = new Account();
                    a.id = 7;
                    map.put(7, a);
                    a.balance = 100; // RACE
                },
                () -> {
                    Account a;
                    while ((a = map.get(7)) == null) {
                        Thread.onSpinWait();
                    }
                    seen[0] = a.id;
                    seen[1] = a.balance; // RACE
                });
        if (seen[0] != 7) {
            throw new AssertionError("map broken");
        }
    }
}
