package dev.racedet.it.corpus.lib;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Stands for third-party library code that hands out locks and conditions: validation targets
 * obtain their {@code Lock}s, {@code ReadWriteLock} views and {@code Condition}s here, so the
 * {@code newCondition()}, {@code readLock()} and {@code writeLock()} calls happen in a class the
 * validation suite does not check (it is outside the targets package). Thread-safe; names map to
 * one lock each for the life of the JVM.
 */
public final class LockLibrary {
    private static final ConcurrentHashMap<String, ReadWriteLock> READ_WRITE = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, ReentrantLock> MUTEXES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Condition> CONDITIONS = new ConcurrentHashMap<>();

    private LockLibrary() {
    }

    /** The read lock of the read/write lock named {@code name}. */
    public static Lock readLockOf(String name) {
        return READ_WRITE.computeIfAbsent(name, n -> new ReentrantReadWriteLock()).readLock();
    }

    /** The write lock of the read/write lock named {@code name}. */
    public static Lock writeLockOf(String name) {
        return READ_WRITE.computeIfAbsent(name, n -> new ReentrantReadWriteLock()).writeLock();
    }

    /** The mutex named {@code name}. */
    public static Lock mutexOf(String name) {
        return MUTEXES.computeIfAbsent(name, n -> new ReentrantLock());
    }

    /** The one condition of the mutex named {@code name}. */
    public static Condition conditionOf(String name) {
        return CONDITIONS.computeIfAbsent(name, n -> MUTEXES.computeIfAbsent(n, m -> new ReentrantLock()).newCondition());
    }
}
