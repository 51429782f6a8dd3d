package dev.racedet.it.targets.methodrefs;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Race: two threads use method references to lock, but to two different locks
 * ({@code first::lock} and {@code second::lock}), so their critical sections are not ordered with
 * each other and the shared field races.
 */
public class LockMethodRefWrongLockRace {
    private int balance;

    static void guarded(Runnable acquire, Runnable release, Runnable action) {
        acquire.run();
        try {
            action.run();
        } finally {
            release.run();
        }
    }

    public static void main(String[] args) throws Exception {
        LockMethodRefWrongLockRace account = new LockMethodRefWrongLockRace();
        ReentrantLock first = new ReentrantLock();
        ReentrantLock second = new ReentrantLock();
        Racers.race(
                () -> guarded(first::lock, first::unlock, () -> account.balance += 10), // RACE
                () -> guarded(second::lock, second::unlock, () -> account.balance -= 5)); // RACE
    }
}
