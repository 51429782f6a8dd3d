package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Race: the producer increments the ready counter before writing the value. The consumer's read of
 * the counter is ordered after the increment, so it sees the first field, but the write made after
 * the increment is unordered with the consumer's read.
 */
public class WriteAfterAtomicIncrementRace {
    private int header;
    private int body;

    public static void main(String[] args) throws Exception {
        WriteAfterAtomicIncrementRace msg = new WriteAfterAtomicIncrementRace();
        AtomicInteger ready = new AtomicInteger();
        int[] seen = new int[2];
        Racers.race(
                () -> {
                    msg.header = 1;
                    ready.incrementAndGet();
                    msg.body = 2; // RACE
                },
                () -> {
                    while (ready.get() == 0) {
                        Thread.onSpinWait();
                    }
                    seen[0] = msg.header;
                    seen[1] = msg.body; // RACE
                });
        if (seen[0] != 1) {
            throw new AssertionError("atomic broken");
        }
    }
}
