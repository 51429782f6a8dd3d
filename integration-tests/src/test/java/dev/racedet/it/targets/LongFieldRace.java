package dev.racedet.it.targets;

/**
 * Race on a non-volatile {@code long}: 64-bit fields may even be written in two halves (JLS 17.7),
 * and in any case a store by one racer and a load by the other are unordered. The detector must
 * track wide fields like any other.
 */
public class LongFieldRace {

    static final class Clock {
        long nanos;
    }

    public static void main(String[] args) throws Exception {
        Clock clock = new Clock();
        clock.nanos = 1L; // before start: ordered
        long[] seen = new long[1];

        Racers.race(
                () -> clock.nanos = 0x1234_5678_9ABC_DEF0L, // RACE
                () -> seen[0] = clock.nanos); // RACE

        long after = clock.nanos; // after join: ordered
        if (after != 0x1234_5678_9ABC_DEF0L) {
            throw new AssertionError("lost write");
        }
    }
}
