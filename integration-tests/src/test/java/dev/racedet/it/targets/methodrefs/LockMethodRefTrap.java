package dev.racedet.it.targets.methodrefs;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Trap: a {@code ReentrantLock} taken and released through method references
 * ({@code lock::lock}, {@code lock::unlock}) handed to a helper that runs an action between them.
 * The calls to {@code lock()}/{@code unlock()} then happen in classes generated at run time, not in
 * application code; the lock still orders every increment.
 */
public class LockMethodRefTrap {
    private int count;

    static void guarded(Runnable acquire, Runnable release, Runnable action) {
        acquire.run();
        try {
            action.run();
        } finally {
            release.run();
        }
    }

    public static void main(String[] args) throws Exception {
        LockMethodRefTrap counter = new LockMethodRefTrap();
        ReentrantLock lock = new ReentrantLock();
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                guarded(lock::lock, lock::unlock, () -> counter.count++);
            }
        };
        Racers.race(work, work);
        if (counter.count != 2000) {
            throw new AssertionError("lost update " + counter.count);
        }
    }
}
