package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.Phaser;

/**
 * Race: a party calls {@code arrive()} (which does not wait) and then writes a field; the other
 * party waits for the phase to advance and reads it. The advance orders only what the first party
 * did before arriving.
 */
public class PhaserArriveWithoutWaitRace {
    private int ready;
    private int late;

    public static void main(String[] args) throws Exception {
        PhaserArriveWithoutWaitRace state = new PhaserArriveWithoutWaitRace();
        Phaser phaser = new Phaser(2);
        int[] seen = new int[2];
        Racers.race(
                () -> {
                    state.ready = 1;
                    phaser.arrive();
                    state.late = 2; // RACE
                },
                () -> {
                    phaser.arriveAndAwaitAdvance();
                    seen[0] = state.ready;
                    seen[1] = state.late; // RACE
                });
        if (seen[0] != 1) {
            throw new AssertionError("phaser broken");
        }
    }
}
