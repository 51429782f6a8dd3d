package dev.racedet.it.output;

import dev.racedet.it.targets.Racers;

/**
 * Races on a field of a class whose name is long and full of one letter, the worst case for a
 * backtracking matcher of {@code *e*e*e...} patterns.
 */
public final class LongNameRace {
    static final class Weeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee {
        int shared;
    }

    public static void main(String[] args) throws InterruptedException {
        Weeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee target = new Weeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee();
        Racers.race(() -> target.shared = 1, () -> target.shared = 2);
    }
}
