package dev.racedet.it.targets;

/**
 * Read/write race on a plain {@code int} field: one racer writes, the other reads, nothing orders
 * the two. Whichever access comes second in a run sees the first one unordered, so both lines are
 * always reported together.
 */
public class ReadWriteNoLock {

    private int temperature;

    void update(int degrees) {
        temperature = degrees; // RACE
    }

    int sample() {
        return temperature; // RACE
    }

    public static void main(String[] args) throws Exception {
        ReadWriteNoLock sensor = new ReadWriteNoLock();
        sensor.update(20); // main, before start: same line as the racy write, but ordered
        int[] seen = new int[1];

        Racers.race(
                () -> sensor.update(25),
                () -> seen[0] = sensor.sample());

        int last = sensor.sample(); // after join: ordered
        if (last != 25) {
            throw new AssertionError("lost write");
        }
    }
}
