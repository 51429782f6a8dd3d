package dev.racedet.it.targets;

/**
 * A stop flag that is not volatile: one racer sets it, the other checks it once. Without volatile
 * (or a lock) the check is not ordered with the set, which is a data race even though the field is
 * a single boolean. (The reader deliberately reads once instead of spinning, since a spin on a
 * plain field might never terminate.)
 */
public class BooleanFlagRace {

    private boolean stopRequested;

    void requestStop() {
        stopRequested = true; // RACE
    }

    boolean isStopRequested() {
        return stopRequested; // RACE
    }

    public static void main(String[] args) throws Exception {
        BooleanFlagRace worker = new BooleanFlagRace();
        boolean[] seen = new boolean[1];

        Racers.race(
                worker::requestStop,
                () -> seen[0] = worker.isStopRequested());

        if (!worker.isStopRequested()) { // after join: ordered, same line as the racy read
            throw new AssertionError("flag lost");
        }
    }
}
