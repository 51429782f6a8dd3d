package dev.racedet.it.targets;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Mixed program with a {@code ReentrantLock}: {@code pending} is updated inside
 * {@code lock()/unlock()} and is race-free; {@code lastBatch} is assigned right after
 * {@code unlock()} by one racer and read right after {@code unlock()} by the other. Each of those
 * accesses follows its racer's last release, so they are always unordered.
 */
public class AccessAfterUnlockRace {

    private final ReentrantLock lock = new ReentrantLock();
    private int pending;
    private int lastBatch;

    void submit(int batch) {
        lock.lock();
        try {
            pending++;
        } finally {
            lock.unlock();
        }
        lastBatch = batch; // RACE
    }

    int drain() {
        int drained;
        lock.lock();
        try {
            drained = pending;
            pending = 0;
        } finally {
            lock.unlock();
        }
        int batch = lastBatch; // RACE
        return drained + batch;
    }

    public static void main(String[] args) throws Exception {
        AccessAfterUnlockRace queue = new AccessAfterUnlockRace();
        int[] seen = new int[1];

        Racers.race(
                () -> queue.submit(3),
                () -> seen[0] = queue.drain());

        if (queue.lastBatch != 3) { // after join: ordered
            throw new AssertionError("lost write");
        }
    }
}
