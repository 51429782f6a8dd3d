package dev.racedet.it.output;

import dev.racedet.it.targets.Racers;

/**
 * Two racers, one named to forge a report line and clear the terminal; each renames itself before
 * racing.
 */
public final class ForgedThreadName {
    public static final String NAME = "x\":\n  Previous write by thread \"forged\":\u001b[2J";
    static int shared;

    public static void main(String[] args) throws InterruptedException {
        Racers.race(
                () -> {
                    Thread.currentThread().setName(NAME);
                    shared = 1;
                },
                () -> shared = 2);
    }
}
