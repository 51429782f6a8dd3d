package dev.racedet.it.targets;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Two distinct {@code ReentrantLock}s "protect" the same field: each racer uses its own lock,
 * correctly paired in try/finally, so each critical section is well formed but they never exclude
 * or order each other. The detector must key lock edges on the lock object.
 */
public class TwoReentrantLocksRace {

    private final Lock readerLock = new ReentrantLock();
    private final Lock writerLock = new ReentrantLock();
    private long offset;

    void advance(long delta) {
        writerLock.lock();
        try {
            offset += delta; // RACE
        } finally {
            writerLock.unlock();
        }
    }

    long position() {
        readerLock.lock();
        try {
            return offset; // RACE
        } finally {
            readerLock.unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        TwoReentrantLocksRace cursor = new TwoReentrantLocksRace();
        long[] seen = new long[1];

        Racers.race(
                () -> {
                    for (int i = 0; i < 20; i++) {
                        cursor.advance(1);
                    }
                },
                () -> {
                    for (int i = 0; i < 20; i++) {
                        seen[0] = cursor.position();
                    }
                });

        if (cursor.position() != 20) { // after join: ordered
            throw new AssertionError("lost update");
        }
    }
}
