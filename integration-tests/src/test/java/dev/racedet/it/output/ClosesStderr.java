package dev.racedet.it.output;

import dev.racedet.it.targets.Racers;

/** Closes standard error, then races: racedet has nowhere left to print the report. */
public final class ClosesStderr {
    static int shared;

    public static void main(String[] args) throws InterruptedException {
        System.err.close();
        Racers.race(() -> shared = 1, () -> shared = 2);
        System.out.println("done");
    }
}
