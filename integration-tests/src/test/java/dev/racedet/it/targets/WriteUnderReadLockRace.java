package dev.racedet.it.targets;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A classic mistake: bumping a counter while holding only the read lock. Read locks are shared, so
 * two readers hold it at once and their increments race; a detector that treated the read lock like
 * an exclusive lock would hide this.
 */
public class WriteUnderReadLockRace {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private int hits;

    void recordHit() {
        rw.readLock().lock();
        try {
            hits++; // RACE
        } finally {
            rw.readLock().unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        WriteUnderReadLockRace stats = new WriteUnderReadLockRace();
        Racers.race(stats::recordHit, stats::recordHit);
        if (stats.hits < 1 || stats.hits > 2) { // after join: ordered
            throw new AssertionError("hits " + stats.hits);
        }
    }
}
