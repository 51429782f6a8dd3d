package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.CountDownLatch;

/**
 * Race: the worker writes a field after {@code countDown()}. The latch orders only what came before
 * the countdown, so the reader's read after {@code await()} is unordered with that later write.
 */
public class CountDownLatchWriteAfterCountDownRace {
    private int before;
    private int after;

    public static void main(String[] args) throws Exception {
        CountDownLatchWriteAfterCountDownRace state = new CountDownLatchWriteAfterCountDownRace();
        CountDownLatch ready = new CountDownLatch(1);
        int[] seen = new int[2];
        Racers.race(
                () -> {
                    state.before = 1;
                    ready.countDown();
                    state.after = 2; // RACE
                },
                Racers.unchecked(() -> {
                    ready.await();
                    seen[0] = state.before;
                    seen[1] = state.after; // RACE
                }));
        if (seen[0] != 1) {
            throw new AssertionError("latch broken");
        }
    }
}
