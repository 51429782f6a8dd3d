package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.StampedLock;

/**
 * Race: a validated optimistic reader, but the writer updates the field without taking the write
 * lock. The stamp stays valid (nobody locked), so validation succeeds, yet nothing orders the plain
 * write with the optimistic read: the read uses a racy value. The reader waits for an opaque flag
 * (which gives no happens-before) so that the write has really happened before the read.
 */
public class StampedLockOptimisticUnlockedWriterRace {
    private final StampedLock lock = new StampedLock();
    private int level;

    public static void main(String[] args) throws Exception {
        StampedLockOptimisticUnlockedWriterRace state = new StampedLockOptimisticUnlockedWriterRace();
        AtomicBoolean written = new AtomicBoolean();
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    state.level = 3; // RACE
                    written.setOpaque(true);
                },
                () -> {
                    while (!written.getOpaque()) {
                        Thread.onSpinWait();
                    }
                    long stamp = state.lock.tryOptimisticRead();
                    int v = state.level; // RACE
                    if (state.lock.validate(stamp)) {
                        seen[0] = v;
                    }
                });
    }
}
