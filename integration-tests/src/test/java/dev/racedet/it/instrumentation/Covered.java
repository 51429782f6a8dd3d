package dev.racedet.it.instrumentation;

import dev.racedet.it.targets.Racers;

/** A small program for coverage: a branch, a loop, and one race (so racedet has work to do). */
public final class Covered {
    static int total;

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 3; i++) {
            total += i % 2 == 0 ? i : -i;
        }
        Racers.race(() -> total++, () -> total++); // RACE
        System.out.println("covered");
    }
}
