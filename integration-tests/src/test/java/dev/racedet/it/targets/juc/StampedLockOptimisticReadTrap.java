package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.locks.StampedLock;

/**
 * Trap (by decision): the validated optimistic read of the {@code StampedLock} javadoc. The reader
 * takes a stamp with {@code tryOptimisticRead}, copies the fields into locals, and uses the copies
 * only if {@code validate(stamp)} succeeds; otherwise it discards them and rereads under the read
 * lock. The writer changes the fields only under the write lock.
 *
 * <p>Why a trap. In the JMM's happens-before terms the optimistic loads are unordered with a
 * concurrent writer's stores (and with the stores of a writer that locks right after the reader
 * validated), so a purely happens-before detector sees a read-write pair. But this is the idiom the
 * JDK documents as correct: a value read while a writer was active is never used (validation fails
 * and it is reread under the lock), and a value that passes validation was written before the
 * stamp was issued, i.e. before the volatile read of the lock state in {@code tryOptimisticRead}
 * that orders it. No outcome of the program depends on a racy value, so a report here would be a
 * false alarm to the user. racedet must treat reads validated by a stamp as ordered (and reads whose
 * validation failed as discarded), or this program reports a false race. A plain write outside the
 * write lock is a real race even with optimistic readers: see
 * {@code StampedLockOptimisticUnlockedWriterRace}.
 */
public class StampedLockOptimisticReadTrap {
    private final StampedLock lock = new StampedLock();
    private int x;
    private int y;

    void move(int d) {
        long stamp = lock.writeLock();
        try {
            x += d;
            y -= d;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    int sum() {
        long stamp = lock.tryOptimisticRead();
        int cx = x;
        int cy = y;
        if (!lock.validate(stamp)) {
            stamp = lock.readLock();
            try {
                cx = x;
                cy = y;
            } finally {
                lock.unlockRead(stamp);
            }
        }
        return cx + cy;
    }

    public static void main(String[] args) throws Exception {
        StampedLockOptimisticReadTrap point = new StampedLockOptimisticReadTrap();
        boolean[] consistent = {true};
        Racers.race(
                () -> {
                    for (int i = 0; i < 500; i++) {
                        point.move(1);
                    }
                },
                () -> {
                    for (int i = 0; i < 500; i++) {
                        consistent[0] &= point.sum() == 0;
                    }
                });
        if (!consistent[0] || point.sum() != 0) {
            throw new AssertionError("optimistic read returned a torn pair");
        }
    }
}
