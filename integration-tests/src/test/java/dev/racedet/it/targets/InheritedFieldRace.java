package dev.racedet.it.targets;

/**
 * The racy field is declared in a superclass. The writer assigns it from subclass code, where
 * javac names the subclass as the field's owner ({@code putfield Gauge.level}); the reader loads
 * it in superclass code ({@code getfield Meter.level}). Both instructions access the same field of
 * the same object, so the detector must resolve them to one variable and report the pair.
 */
public class InheritedFieldRace {

    static class Meter {
        int level;

        int readLevel() {
            return level; // RACE
        }
    }

    static final class Gauge extends Meter {
        void raise(int to) {
            level = to; // RACE
        }
    }

    public static void main(String[] args) throws Exception {
        Gauge gauge = new Gauge();
        int[] seen = new int[1];

        Racers.race(
                () -> gauge.raise(7),
                () -> seen[0] = gauge.readLevel());

        if (gauge.readLevel() != 7) { // after join: ordered
            throw new AssertionError("lost write");
        }
    }
}
