package dev.racedet.it.sarif;

import dev.racedet.it.targets.Racers;

/** Two distinct races for the SARIF tests: a counter's lost update, and an unguarded flag. */
public final class TwoRaces {
    static int counter;
    static boolean done;
    static boolean seen;

    public static void main(String[] args) throws InterruptedException {
        // one start gate for all four racers: no racer ends before another has started
        Racers.race(TwoRaces::count, TwoRaces::count, TwoRaces::finish, TwoRaces::check);
    }

    private static void count() {
        counter++; // RACE
    }

    private static void finish() {
        done = true; // RACE
    }

    private static void check() {
        seen = done; // RACE
    }
}
