package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * Race: the same AQS mutex as {@code AqsMutexTrap}, but one thread updates the counter without
 * taking it. The locked thread's accesses are ordered with each other, not with the unlocked write.
 */
public class AqsMutexOneSideUnlockedRace {
    static final class Sync extends AbstractQueuedSynchronizer {
        @Override
        protected boolean tryAcquire(int ignored) {
            return compareAndSetState(0, 1);
        }

        @Override
        protected boolean tryRelease(int ignored) {
            setState(0);
            return true;
        }
    }

    private int count;

    public static void main(String[] args) throws Exception {
        AqsMutexOneSideUnlockedRace counter = new AqsMutexOneSideUnlockedRace();
        Sync mutex = new Sync();
        Racers.race(
                () -> {
                    mutex.acquire(1);
                    try {
                        counter.count += 1; // RACE
                    } finally {
                        mutex.release(1);
                    }
                },
                () -> counter.count = 10); // RACE
    }
}
