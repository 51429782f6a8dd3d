package dev.racedet.it.thirdparty.programs;

import dev.racedet.it.targets.Racers;

/**
 * Run under JaCoCo and racedet. One race: two racers increment {@code Counter.hits} without a lock.
 * Two traps: {@code Tally} is only touched under its monitor, and {@code Scale} is first used by
 * both racers at once, so JaCoCo's lazily set probe array (in class files for Java 8 and older the
 * synthetic field {@code $jacocoData}: a benign race inside JaCoCo's own code) is initialized
 * concurrently and must not be reported. Every line takes
 * the same path in every run, so its line coverage is the same with and without racedet.
 */
public final class CoverageProgram {
    private static final int ROUNDS = 5_000;

    static final class Counter {
        int hits;

        void hit() {
            hits++; // RACE
        }
    }

    static final class Tally {
        private int total;

        synchronized void add(int amount) {
            total += amount;
        }

        synchronized int total() {
            return total;
        }
    }

    static final class Scale {
        static int twice(int amount) {
            return 2 * amount;
        }
    }

    public static void main(String[] args) throws Exception {
        Counter counter = new Counter();
        Tally tally = new Tally();
        Racers.race(() -> work(counter, tally), () -> work(counter, tally));
        System.out.println("tally " + tally.total());
    }

    /** The unlocked loop first: its accesses precede every lock handoff between the racers. */
    private static void work(Counter counter, Tally tally) {
        int step = Scale.twice(1);
        for (int i = 0; i < ROUNDS; i++) {
            counter.hit();
        }
        for (int i = 0; i < ROUNDS; i++) {
            tally.add(step);
        }
    }
}
