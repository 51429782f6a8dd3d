package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.Phaser;

/**
 * Trap: {@code Phaser.arriveAndAwaitAdvance} as a reusable barrier over three phases. Actions before
 * arriving happen-before actions after the phase advanced in every party (the phaser's state is
 * a volatile/CAS word). Each party writes its own cell in a phase and reads the other's in the next.
 */
public class PhaserTrap {
    private int a;
    private int b;

    public static void main(String[] args) throws Exception {
        PhaserTrap state = new PhaserTrap();
        Phaser phaser = new Phaser(2);
        int[] seen = new int[2];
        Racers.race(
                () -> {
                    for (int round = 1; round <= 3; round++) {
                        state.a = round;
                        phaser.arriveAndAwaitAdvance();
                        seen[0] += state.b;
                        phaser.arriveAndAwaitAdvance();
                    }
                },
                () -> {
                    for (int round = 1; round <= 3; round++) {
                        state.b = round * 10;
                        phaser.arriveAndAwaitAdvance();
                        seen[1] += state.a;
                        phaser.arriveAndAwaitAdvance();
                    }
                });
        if (seen[0] != 60 || seen[1] != 6) {
            throw new AssertionError("phaser broken");
        }
    }
}
