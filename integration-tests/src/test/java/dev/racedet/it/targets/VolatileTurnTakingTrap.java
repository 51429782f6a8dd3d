package dev.racedet.it.targets;

/**
 * Trap: two racers take turns on a plain counter, handing the turn over through a volatile field.
 * Each racer spins until the volatile {@code turn} names it, updates the plain fields (outside any
 * lock), then writes {@code turn} to pass it on. Every plain access is between an acquire of the
 * other racer's last turn write and a release of its own, so the accesses form one ordered chain.
 */
public class VolatileTurnTakingTrap {

    private volatile int turn;
    private int value;
    private int lastPlayer = -1;

    void play(int me, int rounds) {
        int other = 1 - me;
        for (int i = 0; i < rounds; i++) {
            while (turn != me) {
                Thread.onSpinWait();
            }
            value++;
            lastPlayer = me;
            turn = other;
        }
    }

    public static void main(String[] args) throws Exception {
        VolatileTurnTakingTrap game = new VolatileTurnTakingTrap();

        Racers.race(
                () -> game.play(0, 200),
                () -> game.play(1, 200));

        if (game.value != 400 || game.lastPlayer != 1) {
            throw new AssertionError("broken hand-over");
        }
    }
}
