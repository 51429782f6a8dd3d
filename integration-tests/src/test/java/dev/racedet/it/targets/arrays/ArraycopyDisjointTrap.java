package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;

/**
 * Trap: {@code System.arraycopy} of elements 0..3 of the source into the first half of the
 * destination while another thread writes source element 6 and destination element 7. The copy
 * touches neither, so per-element checking finds no conflict.
 */
public class ArraycopyDisjointTrap {
    public static void main(String[] args) throws Exception {
        long[] src = {1, 2, 3, 4, 5, 6, 7, 8};
        long[] dst = new long[8];
        Racers.race(
                () -> System.arraycopy(src, 0, dst, 0, 4),
                () -> {
                    src[6] = 60;
                    dst[7] = 70;
                });
        if (dst[3] != 4 || dst[7] != 70 || src[6] != 60) {
            throw new AssertionError("copy broken");
        }
    }
}
