package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.CyclicBarrier;

/**
 * Trap: actions before {@code await()} happen-before the barrier action, which happens-before actions
 * after the corresponding return from {@code await()} in the other threads. Two parties write their
 * own field, meet at the barrier, then read the other's field; the barrier action reads both.
 */
public class CyclicBarrierTrap {
    private int a;
    private int b;
    private int total;

    public static void main(String[] args) throws Exception {
        CyclicBarrierTrap state = new CyclicBarrierTrap();
        CyclicBarrier barrier = new CyclicBarrier(2, () -> state.total = state.a + state.b);
        int[] seen = new int[2];
        Racers.race(
                Racers.unchecked(() -> {
                    state.a = 1;
                    barrier.await();
                    seen[0] = state.b + state.total;
                }),
                Racers.unchecked(() -> {
                    state.b = 2;
                    barrier.await();
                    seen[1] = state.a + state.total;
                }));
        if (seen[0] != 5 || seen[1] != 4) {
            throw new AssertionError("barrier broken");
        }
    }
}
