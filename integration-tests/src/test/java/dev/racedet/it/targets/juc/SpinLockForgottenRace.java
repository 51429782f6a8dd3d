package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Race: an {@code AtomicBoolean} spin lock guards the total in one thread; the other thread reads
 * the total without taking the lock. The spin lock orders only critical sections with each other.
 */
public class SpinLockForgottenRace {
    private final AtomicBoolean locked = new AtomicBoolean();
    private long total;

    public static void main(String[] args) throws Exception {
        SpinLockForgottenRace account = new SpinLockForgottenRace();
        long[] seen = new long[1];
        Racers.race(
                () -> {
                    while (!account.locked.compareAndSet(false, true)) {
                        Thread.onSpinWait();
                    }
                    account.total += 5; // RACE
                    account.locked.set(false);
                },
                () -> seen[0] = account.total); // RACE
    }
}
