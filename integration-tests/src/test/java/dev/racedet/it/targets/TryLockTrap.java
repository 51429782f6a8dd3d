package dev.racedet.it.targets;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Trap: the success path of {@code tryLock()}. One racer spins on {@code tryLock()} (a failed
 * attempt acquires nothing and touches nothing), the other uses {@code lock()}; shared fields are
 * only touched after a successful acquisition and before {@code unlock()}, so all accesses are
 * ordered by the one lock.
 */
public class TryLockTrap {

    private final ReentrantLock lock = new ReentrantLock();
    private int tokens;
    private int grants;

    void grantWithTryLock() {
        while (!lock.tryLock()) {
            Thread.onSpinWait();
        }
        try {
            tokens++;
            grants++;
        } finally {
            lock.unlock();
        }
    }

    void grantWithLock() {
        lock.lock();
        try {
            tokens++;
            grants++;
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        TryLockTrap bucket = new TryLockTrap();

        Racers.race(
                () -> {
                    for (int i = 0; i < 300; i++) {
                        bucket.grantWithTryLock();
                    }
                },
                () -> {
                    for (int i = 0; i < 300; i++) {
                        bucket.grantWithLock();
                    }
                });

        if (bucket.tokens != 600 || bucket.grants != 600) {
            throw new AssertionError("lost update");
        }
    }
}
