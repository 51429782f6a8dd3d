package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * Trap: a custom non-reentrant mutex built on {@code AbstractQueuedSynchronizer}: acquire is a CAS
 * of the state from 0 to 1, release a volatile write of 0. The CAS and volatile write of the AQS
 * state give release → acquire ordering, so the counter guarded by the mutex is never raced.
 */
public class AqsMutexTrap {
    static final class Mutex {
        private static final class Sync extends AbstractQueuedSynchronizer {
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

        private final Sync sync = new Sync();

        void lock() {
            sync.acquire(1);
        }

        void unlock() {
            sync.release(1);
        }
    }

    private int count;

    public static void main(String[] args) throws Exception {
        AqsMutexTrap counter = new AqsMutexTrap();
        Mutex mutex = new Mutex();
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                mutex.lock();
                try {
                    counter.count++;
                } finally {
                    mutex.unlock();
                }
            }
        };
        Racers.race(work, work, work);
        if (counter.count != 3000) {
            throw new AssertionError("lost update " + counter.count);
        }
    }
}
