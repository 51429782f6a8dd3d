package dev.racedet.it.targets;

/**
 * The racy state lives in an instance of a static nested class, accessed only through the nested
 * class's own methods. One racer records a hit, the other takes a snapshot; nothing orders them.
 */
public class StaticNestedClassRace {

    static final class Stats {
        private long hits;

        void recordHit() {
            hits++; // RACE
        }

        long snapshot() {
            return hits; // RACE
        }
    }

    public static void main(String[] args) throws Exception {
        Stats stats = new Stats();
        long[] seen = new long[1];

        Racers.race(
                () -> {
                    for (int i = 0; i < 50; i++) {
                        stats.recordHit();
                    }
                },
                () -> seen[0] = stats.snapshot());

        if (stats.snapshot() != 50) { // after join: ordered
            throw new AssertionError("lost update");
        }
    }
}
