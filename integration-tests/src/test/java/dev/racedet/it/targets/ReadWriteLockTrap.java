package dev.racedet.it.targets;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Trap: a cache guarded by a {@code ReentrantReadWriteLock}. Its read and write locks are two
 * different objects, yet a write-unlock happens-before a later read-lock and a read-unlock
 * happens-before a later write-lock; readers only read, so nothing races.
 */
public class ReadWriteLockTrap {
    private final ReadWriteLock rw = new ReentrantReadWriteLock();
    private int version;
    private String value = "initial";

    void update(String next) {
        rw.writeLock().lock();
        try {
            version++;
            value = next;
        } finally {
            rw.writeLock().unlock();
        }
    }

    int read() {
        rw.readLock().lock();
        try {
            return version + value.length();
        } finally {
            rw.readLock().unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        ReadWriteLockTrap cache = new ReadWriteLockTrap();
        int[] seen = new int[2];
        Racers.race(
                () -> {
                    for (int i = 0; i < 200; i++) {
                        cache.update("v" + i);
                    }
                },
                () -> {
                    for (int i = 0; i < 200; i++) {
                        seen[0] += cache.read();
                    }
                },
                () -> {
                    for (int i = 0; i < 200; i++) {
                        seen[1] += cache.read();
                    }
                });
        if (cache.version != 200) {
            throw new AssertionError("lost update under the write lock");
        }
    }
}
