package dev.racedet.it.output;

import dev.racedet.it.targets.Racers;

/**
 * Recurses until {@link StackOverflowError} through field accesses and {@code synchronized} methods,
 * catches it, and does so several times; then races once and returns from {@code main}.
 * ({@code synchronized} blocks under stack exhaustion are the monitor work's tests.) What it prints does not depend on the stack depth reached, so it is the same with
 * and without racedet.
 */
public final class CatchesStackOverflow {
    private static final int ROUNDS = 6;
    static int shared;

    private int depth;
    private long visits;

    synchronized void down() {
        depth++;
        visits++;
        downAgain();
    }

    synchronized void downAgain() {
        depth++;
        down();
    }

    public static void main(String[] args) throws InterruptedException {
        CatchesStackOverflow walker = new CatchesStackOverflow();
        int caught = 0;
        for (int i = 0; i < ROUNDS; i++) {
            try {
                walker.down();
            } catch (StackOverflowError e) {
                caught++;
                walker.depth = 0;
            }
        }
        Racers.race(() -> shared = 1, () -> shared = 2);
        System.out.println("caught " + caught + " stack overflows, depth " + walker.depth
                + ", visited " + (walker.visits > 0) + ", shared " + (shared == 1 || shared == 2));
    }
}
