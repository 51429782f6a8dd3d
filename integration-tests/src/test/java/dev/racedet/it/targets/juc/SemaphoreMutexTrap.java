package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.Semaphore;

/**
 * Trap: a one-permit {@code Semaphore} as a mutex. Actions before {@code release()} happen-before
 * actions after a successful {@code acquire()} in another thread, so every increment is ordered.
 */
public class SemaphoreMutexTrap {
    private int count;

    public static void main(String[] args) throws Exception {
        SemaphoreMutexTrap counter = new SemaphoreMutexTrap();
        Semaphore mutex = new Semaphore(1);
        Runnable work = Racers.unchecked(() -> {
            for (int i = 0; i < 1000; i++) {
                mutex.acquire();
                try {
                    counter.count++;
                } finally {
                    mutex.release();
                }
            }
        });
        Racers.race(work, work);
        if (counter.count != 2000) {
            throw new AssertionError("lost update " + counter.count);
        }
    }
}
