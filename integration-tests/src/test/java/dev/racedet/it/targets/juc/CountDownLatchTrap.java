package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.CountDownLatch;

/**
 * Trap: actions before {@code countDown()} happen-before actions after a successful return from
 * {@code await()} in another thread. Two workers each fill their own field and count down; the
 * reader awaits and then reads both.
 */
public class CountDownLatchTrap {
    private int left;
    private int right;

    public static void main(String[] args) throws Exception {
        CountDownLatchTrap halves = new CountDownLatchTrap();
        CountDownLatch done = new CountDownLatch(2);
        int[] sum = new int[1];
        Racers.race(
                () -> {
                    halves.left = 20;
                    done.countDown();
                },
                () -> {
                    halves.right = 22;
                    done.countDown();
                },
                Racers.unchecked(() -> {
                    done.await();
                    sum[0] = halves.left + halves.right;
                }));
        if (sum[0] != 42) {
            throw new AssertionError("sum " + sum[0]);
        }
    }
}
