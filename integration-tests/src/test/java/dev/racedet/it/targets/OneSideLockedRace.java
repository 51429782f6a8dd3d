package dev.racedet.it.targets;

/**
 * Only one side takes the lock. A lock orders critical sections only with other critical
 * sections on the same monitor; the unlocked racer never acquires it, so its increments are
 * unordered with the locked racer's increments.
 */
public class OneSideLockedRace {

    private final Object lock = new Object();
    private int counter;

    void lockedIncrement() {
        synchronized (lock) {
            counter++; // RACE
        }
    }

    void sloppyIncrement() {
        counter++; // RACE
    }

    public static void main(String[] args) throws Exception {
        OneSideLockedRace target = new OneSideLockedRace();

        Racers.race(
                () -> {
                    for (int i = 0; i < 200; i++) {
                        target.lockedIncrement();
                    }
                },
                () -> {
                    for (int i = 0; i < 200; i++) {
                        target.sloppyIncrement();
                    }
                });

        if (target.counter > 400) { // after join: ordered
            throw new AssertionError("impossible count");
        }
    }
}
