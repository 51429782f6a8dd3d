package dev.racedet.it.targets;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A classic mistake: bumping a counter while holding only the read lock. Read locks are shared, so
 * two readers hold it at once and their increments race; a detector that treated the read lock like
 * an exclusive lock would hide this. Both readers take the read lock and meet at a barrier before
 * incrementing: otherwise one reader's unlock could be seen by the other's lock (a volatile
 * read-modify-write of the lock state, which does order them under the JMM), and the race would
 * depend on timing.
 */
public class WriteUnderReadLockRace {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final CyclicBarrier bothInside = new CyclicBarrier(2);
    private int hits;

    void recordHit() throws Exception {
        rw.readLock().lock();
        try {
            bothInside.await();
            hits++; // RACE
        } finally {
            rw.readLock().unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        WriteUnderReadLockRace stats = new WriteUnderReadLockRace();
        Racers.race(Racers.unchecked(stats::recordHit), Racers.unchecked(stats::recordHit));
        if (stats.hits < 1 || stats.hits > 2) { // after join: ordered
            throw new AssertionError("hits " + stats.hits);
        }
    }
}
