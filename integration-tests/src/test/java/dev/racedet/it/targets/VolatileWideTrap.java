package dev.racedet.it.targets;

/**
 * Trap: {@code volatile long} and {@code volatile double} fields written and read concurrently by
 * several racers, including non-atomic read-modify-write ({@code stamp++}). That is a logic bug
 * (lost updates) but not a data race: volatile accesses are synchronization actions, are never
 * reported, and 64-bit volatile accesses are atomic (JLS 17.7).
 */
public class VolatileWideTrap {

    private volatile long stamp;
    private volatile double load;

    void tick(double sample) {
        for (int i = 0; i < 500; i++) {
            stamp++;
            load = sample;
        }
    }

    double observe() {
        double sum = 0;
        for (int i = 0; i < 500; i++) {
            sum += load + stamp;
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        VolatileWideTrap meter = new VolatileWideTrap();
        double[] seen = new double[1];

        Racers.race(
                () -> meter.tick(0.25),
                () -> meter.tick(0.75),
                () -> seen[0] = meter.observe());

        // Lost updates can leave the stamp anywhere from 1 (an unlucky interleaving) to 1000.
        if (meter.stamp < 1 || meter.stamp > 1000) {
            throw new AssertionError("impossible stamp " + meter.stamp);
        }
    }
}
