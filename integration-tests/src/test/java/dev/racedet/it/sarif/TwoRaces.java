package dev.racedet.it.sarif;

import dev.racedet.it.targets.Racers;

/** Two distinct races for the SARIF tests: a counter's lost update, and an unguarded flag. */
public final class TwoRaces {
    static int counter;
    static boolean done;
    static boolean seen;

    public static void main(String[] args) throws InterruptedException {
        Racers.race(TwoRaces::count, TwoRaces::count);
        Racers.race(TwoRaces::finish, TwoRaces::check);
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
