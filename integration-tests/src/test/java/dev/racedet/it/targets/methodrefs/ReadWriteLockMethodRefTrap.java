package dev.racedet.it.targets.methodrefs;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Trap: a {@code ReentrantReadWriteLock} whose views are obtained through method references
 * ({@code rw::readLock}, {@code rw::writeLock} as {@code Supplier<Lock>}) and locked through
 * {@code Lock::lock}/{@code Lock::unlock} references. Writers hold the write lock, readers the read
 * lock of the same read/write lock.
 */
public class ReadWriteLockMethodRefTrap {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private int version;
    private String value = "v0";

    static <T> T with(Supplier<Lock> view, Supplier<T> action) {
        Lock lock = view.get();
        Runnable acquire = lock::lock;
        Runnable release = lock::unlock;
        acquire.run();
        try {
            return action.get();
        } finally {
            release.run();
        }
    }

    public static void main(String[] args) throws Exception {
        ReadWriteLockMethodRefTrap store = new ReadWriteLockMethodRefTrap();
        Supplier<Lock> readView = store.rw::readLock;
        Supplier<Lock> writeView = store.rw::writeLock;
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    for (int i = 1; i <= 200; i++) {
                        int v = i;
                        with(writeView, () -> {
                            store.version = v;
                            store.value = "v" + v;
                            return null;
                        });
                    }
                },
                () -> {
                    for (int i = 0; i < 200; i++) {
                        seen[0] = Math.max(seen[0], with(readView, () -> store.version + store.value.length()));
                    }
                });
        if (store.version != 200) {
            throw new AssertionError("version " + store.version);
        }
    }
}
