package dev.racedet.it.targets;

/**
 * Mixed program: both racers bump a volatile {@code version} and then a plain {@code hits}
 * counter. Volatile accesses are never reported. The volatile write orders what precedes it, but
 * each racer's {@code hits++} follows its own volatile write and nothing of that racer comes after
 * it, so the two {@code hits++} executions are always unordered: one line is reported, the
 * {@code version++} line never is.
 */
public class VolatileAndPlainRace {

    private volatile int version;
    private int hits;

    void touch() {
        version++;
        hits++; // RACE
    }

    public static void main(String[] args) throws Exception {
        VolatileAndPlainRace page = new VolatileAndPlainRace();

        Racers.race(page::touch, page::touch);

        if (page.hits < 1 || page.version < 1) { // after join: ordered
            throw new AssertionError("lost everything");
        }
    }
}
