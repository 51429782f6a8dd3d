package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.Semaphore;

/**
 * Race: a "mutex" made of a two-permit {@code Semaphore} admits both threads at once. Each acquires
 * a permit and writes the field while still holding it; no release separates the two writes, so
 * they are unordered (the permits are returned only after the race, by main).
 */
public class SemaphoreTwoPermitsRace {
    private int owner;

    public static void main(String[] args) throws Exception {
        SemaphoreTwoPermitsRace state = new SemaphoreTwoPermitsRace();
        Semaphore notAMutex = new Semaphore(2);
        Racers.race(
                Racers.unchecked(() -> {
                    notAMutex.acquire();
                    state.owner = 1; // RACE
                }),
                Racers.unchecked(() -> {
                    notAMutex.acquire();
                    state.owner = 2; // RACE
                }));
        notAMutex.release(2);
    }
}
