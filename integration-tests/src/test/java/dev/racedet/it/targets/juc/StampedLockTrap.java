package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.locks.StampedLock;

/**
 * Trap: {@code StampedLock} write lock and read lock (plus a read lock upgraded with
 * {@code tryConvertToWriteLock}). Unlocking a write mode happens-before a later successful lock
 * in any mode, as for {@code ReentrantReadWriteLock}; both writers and the reader use the lock.
 */
public class StampedLockTrap {
    private final StampedLock lock = new StampedLock();
    private int x;
    private int y;

    void move(int dx, int dy) {
        long stamp = lock.writeLock();
        try {
            x += dx;
            y += dy;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    void moveIfAtOrigin(int nx, int ny) {
        long stamp = lock.readLock();
        try {
            while (x == 0 && y == 0) {
                long ws = lock.tryConvertToWriteLock(stamp);
                if (ws != 0L) {
                    stamp = ws;
                    x = nx;
                    y = ny;
                    break;
                }
                lock.unlockRead(stamp);
                stamp = lock.writeLock();
            }
        } finally {
            lock.unlock(stamp);
        }
    }

    int sum() {
        long stamp = lock.readLock();
        try {
            return x + y;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    public static void main(String[] args) throws Exception {
        StampedLockTrap point = new StampedLockTrap();
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    for (int i = 0; i < 300; i++) {
                        point.move(1, 1);
                    }
                },
                () -> {
                    point.moveIfAtOrigin(5, 5);
                    for (int i = 0; i < 300; i++) {
                        seen[0] = point.sum();
                    }
                });
        if (point.sum() != 600 && point.sum() != 610) {
            throw new AssertionError("lost update " + point.sum());
        }
    }
}
