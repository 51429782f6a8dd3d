package dev.racedet.it.targets;

/**
 * Race on a non-volatile {@code double}: one racer accumulates into the field ({@code +=} reads and
 * writes it), the other overwrites it. All four accesses are unordered across racers; each racer
 * touches the field on one line only, so exactly those two lines are reported.
 */
public class DoubleFieldRace {

    static final class Average {
        double sum;
    }

    public static void main(String[] args) throws Exception {
        Average avg = new Average();
        avg.sum = 1.5; // before start: ordered

        Racers.race(
                () -> avg.sum += 2.25, // RACE
                () -> avg.sum = 0.0); // RACE

        double result = avg.sum; // after join: ordered
        if (Double.isNaN(result)) {
            throw new AssertionError("NaN");
        }
    }
}
