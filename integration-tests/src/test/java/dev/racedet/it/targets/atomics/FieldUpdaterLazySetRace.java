package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Race: an {@code AtomicIntegerFieldUpdater.lazySet} (release) publishes the header, and the
 * producer writes the trailer after it. The consumer's {@code get} sees the release and is ordered
 * after the header write only; the trailer write races with the consumer's read.
 */
public class FieldUpdaterLazySetRace {
    private static final AtomicIntegerFieldUpdater<FieldUpdaterLazySetRace> READY =
            AtomicIntegerFieldUpdater.newUpdater(FieldUpdaterLazySetRace.class, "ready");

    private volatile int ready;
    private int header;
    private int trailer;

    public static void main(String[] args) throws Exception {
        FieldUpdaterLazySetRace msg = new FieldUpdaterLazySetRace();
        int[] seen = new int[2];
        Racers.race(
                () -> {
                    msg.header = 1;
                    READY.lazySet(msg, 1);
                    msg.trailer = 2; // RACE
                },
                () -> {
                    while (READY.get(msg) == 0) {
                        Thread.onSpinWait();
                    }
                    seen[0] = msg.header;
                    seen[1] = msg.trailer; // RACE
                });
        if (seen[0] != 1) {
            throw new AssertionError("updater broken");
        }
    }
}
