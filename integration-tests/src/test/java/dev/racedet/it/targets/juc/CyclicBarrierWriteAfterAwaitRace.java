package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.CyclicBarrier;

/**
 * Race: both parties pass the barrier, then one writes a field the other reads. The barrier orders
 * what came before it in each party; after it the two parties are concurrent again.
 */
public class CyclicBarrierWriteAfterAwaitRace {
    private int phase;

    public static void main(String[] args) throws Exception {
        CyclicBarrierWriteAfterAwaitRace state = new CyclicBarrierWriteAfterAwaitRace();
        CyclicBarrier barrier = new CyclicBarrier(2);
        int[] seen = new int[1];
        Racers.race(
                Racers.unchecked(() -> {
                    barrier.await();
                    state.phase = 2; // RACE
                }),
                Racers.unchecked(() -> {
                    barrier.await();
                    seen[0] = state.phase; // RACE
                }));
    }
}
