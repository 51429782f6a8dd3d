package dev.racedet.it.targets;

/**
 * The classic lost update: two racers run {@code count++} in a loop on the same unsynchronized
 * field. The read and the write of every increment race with the other racer's increments; since
 * both racers execute the same line, the report names that single line (twice).
 */
public class IncrementLoopRace {

    static final class Counter {
        int count;

        void incrementMany(int times) {
            for (int i = 0; i < times; i++) {
                count++; // RACE
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Counter counter = new Counter();

        Racers.race(
                () -> counter.incrementMany(10_000),
                () -> counter.incrementMany(10_000));

        int total = counter.count; // after join: ordered
        if (total > 20_000) {
            throw new AssertionError("impossible count " + total);
        }
    }
}
