package dev.racedet.it.targets.threads;

import dev.racedet.it.targets.Racers;

/**
 * Trap: per-thread state in a {@code ThreadLocal}. Each racer gets its own counter object from
 * {@code withInitial} and mutates only that one, so the plain field is never shared even though
 * both threads run the same code on the same {@code ThreadLocal}.
 */
public class ThreadLocalConfinedTrap {
    static final class Counter {
        int hits;
    }

    private static final ThreadLocal<Counter> COUNTER = ThreadLocal.withInitial(Counter::new);

    public static void main(String[] args) throws Exception {
        int[] seen = new int[2];
        Racers.race(
                () -> {
                    for (int i = 0; i < 1000; i++) {
                        COUNTER.get().hits++;
                    }
                    seen[0] = COUNTER.get().hits;
                },
                () -> {
                    for (int i = 0; i < 500; i++) {
                        COUNTER.get().hits++;
                    }
                    seen[1] = COUNTER.get().hits;
                });
        if (seen[0] != 1000 || seen[1] != 500) {
            throw new AssertionError("thread local broken");
        }
    }
}
