package dev.racedet.it.targets;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Trap: a {@code ReentrantLock} used directly, with {@code lock()}/{@code unlock()} and
 * {@code lockInterruptibly()}/{@code unlock()} in try/finally, including a reentrant acquisition
 * (the inner unlock does not release the lock). All accesses to the shared fields are inside
 * critical sections of the same lock, so they are all ordered.
 */
public class ReentrantLockTrap {

    private final Lock lock = new ReentrantLock();
    private int reserved;
    private int capacity = 1000;
    private int audits;

    void reserve(int n) {
        lock.lock();
        try {
            if (capacity >= n) {
                capacity -= n;
                reserved += n;
            }
        } finally {
            lock.unlock();
        }
    }

    void releaseInterruptibly(int n) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            reserved -= n;
            audit();
            capacity += n;
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock already held: the inner unlock leaves it held. */
    private void audit() {
        lock.lock();
        try {
            audits++;
        } finally {
            lock.unlock();
        }
    }

    int reserved() {
        lock.lock();
        try {
            return reserved;
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        ReentrantLockTrap pool = new ReentrantLockTrap();
        int[] seen = new int[1];

        Racers.race(
                () -> {
                    for (int i = 0; i < 200; i++) {
                        pool.reserve(1);
                    }
                },
                Racers.unchecked(() -> {
                    for (int i = 0; i < 100; i++) {
                        pool.reserve(1);
                        pool.releaseInterruptibly(1);
                    }
                }),
                () -> {
                    for (int i = 0; i < 200; i++) {
                        seen[0] = pool.reserved();
                    }
                });

        if (pool.reserved() != 200 || pool.capacity != 800 || pool.audits != 100) {
            throw new AssertionError("lost update");
        }
    }
}
