package dev.racedet.it.output;

import dev.racedet.it.targets.Racers;

/** Races once, says so on standard output, then waits to be killed. */
public final class RaceThenWait {
    static int shared;

    public static void main(String[] args) throws Exception {
        Racers.race(() -> shared = 1, () -> shared = 2);
        System.out.println("raced");
        while (true) {
            Thread.sleep(1000);
        }
    }
}
