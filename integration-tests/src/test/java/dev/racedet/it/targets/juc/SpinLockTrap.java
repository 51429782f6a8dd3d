package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Trap: a test-and-test-and-set spin lock on an {@code AtomicBoolean}. A successful
 * {@code compareAndSet(false, true)} reads the volatile value written by the previous owner's
 * {@code set(false)}, so critical sections are ordered one after another.
 */
public class SpinLockTrap {
    private final AtomicBoolean locked = new AtomicBoolean();
    private long total;
    private int operations;

    void lock() {
        while (locked.get() || !locked.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
    }

    void unlock() {
        locked.set(false);
    }

    public static void main(String[] args) throws Exception {
        SpinLockTrap account = new SpinLockTrap();
        Runnable work = () -> {
            for (int i = 0; i < 500; i++) {
                account.lock();
                try {
                    account.total += 2;
                    account.operations++;
                } finally {
                    account.unlock();
                }
            }
        };
        Racers.race(work, work);
        if (account.total != 2000 || account.operations != 1000) {
            throw new AssertionError("lost update");
        }
    }
}
