package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Trap: {@code AtomicInteger} and {@code AtomicLong} used as guards. Each producer fills its own
 * slot object and then increments the counter ({@code incrementAndGet}: a volatile read-modify-
 * write); the consumer waits until the counters say both slots are ready and then reads them. The
 * increments form a release sequence: the consumer's read of the final count is ordered after both
 * producers' increments.
 */
public class AtomicCounterGuardTrap {
    static final class Slot {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Slot a = new Slot();
        Slot b = new Slot();
        AtomicInteger ready = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    a.value = 10;
                    bytes.addAndGet(4);
                    ready.incrementAndGet();
                },
                () -> {
                    b.value = 32;
                    bytes.getAndAdd(4);
                    ready.incrementAndGet();
                },
                () -> {
                    while (ready.get() < 2 || bytes.get() < 8) {
                        Thread.onSpinWait();
                    }
                    seen[0] = a.value + b.value;
                });
        if (seen[0] != 42) {
            throw new AssertionError("guard broken");
        }
    }
}
