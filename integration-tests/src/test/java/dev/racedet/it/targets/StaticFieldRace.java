package dev.racedet.it.targets;

/**
 * Race on a static field of an already initialized class: the class initializer (run by main)
 * is ordered before both racers, but the two racers' accesses to {@code hits} are not ordered with
 * each other.
 */
public class StaticFieldRace {

    static int hits = 10; // written by the class initializer: ordered

    static void record() {
        hits = hits + 1; // RACE
    }

    static int current() {
        return hits; // RACE
    }

    public static void main(String[] args) throws Exception {
        int[] seen = new int[1];

        Racers.race(
                StaticFieldRace::record,
                () -> seen[0] = current());

        if (current() != 11) { // after join: ordered
            throw new AssertionError("lost update");
        }
    }
}
