package dev.racedet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racedet.runtime.engine.Detector;
import dev.racedet.runtime.engine.ThreadState;
import dev.racedet.runtime.engine.VarState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event scripts for the lock relations: read/write lock roles and conditions. */
class LocksTest {
    private final List<String> races = new ArrayList<>();
    private final Detector detector = new Detector((field, current, currentWrite, currentSite,
            previous, previousWrite, previousSite) -> races.add(current.name() + "@" + currentSite
            + " vs " + previous.name() + "@" + previousSite));
    private final Locks locks = new Locks();
    private final ThreadState t0 = new ThreadState(null, "T0");
    private final ThreadState t1 = new ThreadState(null, "T1");
    private final ThreadState t2 = new ThreadState(null, "T2");
    private final VarState x = new VarState(1);
    private final Object readWriteLock = new Object();
    private final Object readLock = new Object();
    private final Object writeLock = new Object();

    private void bindReadWrite() {
        locks.bindRole(readWriteLock, readLock, true);
        locks.bindRole(readWriteLock, writeLock, false);
    }

    private void underLock(ThreadState t, Object lock, Runnable access) {
        locks.acquired(detector, t, lock);
        access.run();
        locks.releasing(detector, t, lock);
    }

    @Test
    void read_lock_is_ordered_after_write_unlock() {
        bindReadWrite();
        underLock(t0, writeLock, () -> detector.write(t0, x, 10));
        underLock(t1, readLock, () -> detector.read(t1, x, 11));
        assertEquals(List.of(), races);
    }

    @Test
    void write_lock_is_ordered_after_read_unlock() {
        bindReadWrite();
        underLock(t0, readLock, () -> detector.read(t0, x, 10));
        underLock(t1, writeLock, () -> detector.write(t1, x, 11));
        assertEquals(List.of(), races);
    }

    @Test
    void readers_are_not_ordered_with_each_other() {
        bindReadWrite();
        underLock(t0, readLock, () -> detector.write(t0, x, 10));
        underLock(t1, readLock, () -> detector.write(t1, x, 11));
        assertEquals(List.of("T1@11 vs T0@10"), races);
    }

    @Test
    void unbound_locks_are_separate_plain_locks() {
        underLock(t0, writeLock, () -> detector.write(t0, x, 10));
        underLock(t1, readLock, () -> detector.read(t1, x, 11));
        assertEquals(List.of("T1@11 vs T0@10"), races);
    }

    @Test
    void condition_knows_its_lock() {
        Object condition = new Object();
        locks.bindCondition(condition, writeLock);
        assertEquals(writeLock, locks.lockOf(condition));
        assertEquals(null, locks.lockOf(new Object()));
    }

    @Test
    void write_lock_orders_after_reads_of_all_readers() {
        bindReadWrite();
        underLock(t0, readLock, () -> detector.read(t0, x, 10));
        underLock(t1, readLock, () -> detector.read(t1, x, 11));
        underLock(t2, writeLock, () -> detector.write(t2, x, 12));
        assertEquals(List.of(), races);
    }
}
