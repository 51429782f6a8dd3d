package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Trap: array elements guarded by a monitor (a histogram both threads update under one lock) and an
 * array filled and then published through a volatile field (the reader reads elements only after
 * seeing the volatile reference). Both orders are happens-before edges.
 */
public class LockedAndVolatileArrayTrap {
    private final int[] histogram = new int[4];
    private volatile String[] published;

    public static void main(String[] args) throws Exception {
        LockedAndVolatileArrayTrap state = new LockedAndVolatileArrayTrap();
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    for (int i = 0; i < 400; i++) {
                        synchronized (state) {
                            state.histogram[i % 4]++;
                        }
                    }
                    String[] names = new String[3];
                    names[0] = "a";
                    names[1] = "bb";
                    names[2] = "ccc";
                    state.published = names;
                },
                () -> {
                    for (int i = 0; i < 400; i++) {
                        synchronized (state) {
                            state.histogram[(i + 1) % 4]++;
                        }
                    }
                    String[] names;
                    while ((names = state.published) == null) {
                        Thread.onSpinWait();
                    }
                    seen[0] = names[0].length() + names[1].length() + names[2].length();
                });
        if (seen[0] != 6 || state.histogram[2] != 200) {
            throw new AssertionError("array broken");
        }
    }
}
