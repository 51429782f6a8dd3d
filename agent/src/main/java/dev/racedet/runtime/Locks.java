package dev.racedet.runtime;

import dev.racedet.runtime.engine.Detector;
import dev.racedet.runtime.engine.SyncClock;
import dev.racedet.runtime.engine.ThreadState;
import java.lang.ref.WeakReference;

/**
 * The clocks behind {@code java.util.concurrent.locks} objects used by application code. A plain
 * {@code Lock} has one clock. The two locks of a {@code ReadWriteLock} share a pair: write unlocks
 * release into {@code writes}, read unlocks into {@code reads}; a read lock acquires {@code writes}
 * only (readers are not ordered with each other), a write lock acquires both. A {@code Condition}
 * remembers the lock it was created from, so an await releases and re-acquires that lock.
 */
final class Locks {
    /** The clocks of one ReadWriteLock. Holds no reference to the lock. */
    private static final class ReadWriteClocks {
        final SyncClock writes = new SyncClock();
        final SyncClock reads = new SyncClock();
    }

    /** What a lock object is to its ReadWriteLock. */
    private record Role(ReadWriteClocks clocks, boolean read) {
    }

    private final WeakIdentityTable<SyncClock> plain = new WeakIdentityTable<>();
    private final WeakIdentityTable<ReadWriteClocks> readWriteLocks = new WeakIdentityTable<>();
    private final WeakIdentityTable<Role> roles = new WeakIdentityTable<>();
    private final WeakIdentityTable<WeakReference<Object>> conditionLocks = new WeakIdentityTable<>();

    /** {@code t} now holds {@code lock}. */
    void acquired(Detector detector, ThreadState t, Object lock) {
        Role role = roles.get(lock);
        if (role == null) {
            detector.acquire(t, plainClock(lock));
        } else {
            detector.acquire(t, role.clocks().writes);
            if (!role.read()) {
                detector.acquire(t, role.clocks().reads);
            }
        }
    }

    /** {@code t} is about to release {@code lock}. */
    void releasing(Detector detector, ThreadState t, Object lock) {
        Role role = roles.get(lock);
        if (role == null) {
            detector.release(t, plainClock(lock));
        } else {
            detector.release(t, role.read() ? role.clocks().reads : role.clocks().writes);
        }
    }

    /** {@code lock} is the read ({@code read} true) or write lock of {@code readWriteLock}. */
    void bindRole(Object readWriteLock, Object lock, boolean read) {
        ReadWriteClocks clocks = readWriteLocks.computeIfAbsent(readWriteLock, k -> new ReadWriteClocks());
        roles.computeIfAbsent(lock, k -> new Role(clocks, read));
    }

    /** {@code condition} was created by {@code lock.newCondition()}. */
    void bindCondition(Object condition, Object lock) {
        conditionLocks.computeIfAbsent(condition, k -> new WeakReference<>(lock));
    }

    /** The lock {@code condition} belongs to, or {@code null} if racedet did not see it created. */
    Object lockOf(Object condition) {
        WeakReference<Object> lock = conditionLocks.get(condition);
        return lock == null ? null : lock.get();
    }

    private SyncClock plainClock(Object lock) {
        return plain.computeIfAbsent(lock, k -> new SyncClock());
    }
}
