package dev.racedet.it.targets.arrays;

import dev.racedet.it.targets.Racers;
import java.util.Arrays;

/**
 * Trap: {@code System.arraycopy}, {@code Arrays.fill}, {@code Arrays.copyOf} and {@code clone()} on
 * arrays each thread created itself (confined), plus copies of a shared array that main filled
 * before starting the threads and nobody writes afterwards (read-only sharing).
 */
public class BulkCopiesOfConfinedArraysTrap {
    public static void main(String[] args) throws Exception {
        int[] shared = {1, 2, 3, 4};
        int[] sums = new int[2];
        Runnable work0 = () -> {
            int[] mine = new int[4];
            System.arraycopy(shared, 0, mine, 0, 4);
            Arrays.fill(mine, 0, 2, 10);
            int[] grown = Arrays.copyOf(mine, 6);
            int[] copy = grown.clone();
            sums[0] = Arrays.stream(copy).sum();
        };
        Runnable work1 = () -> {
            int[] mine = shared.clone();
            Arrays.fill(mine, 1);
            int[] copy = Arrays.copyOf(shared, 4);
            System.arraycopy(mine, 0, copy, 0, 2);
            sums[1] = Arrays.stream(copy).sum();
        };
        Racers.race(work0, work1);
        if (sums[0] != 27 || sums[1] != 9) {
            throw new AssertionError("sums " + sums[0] + " " + sums[1]);
        }
    }
}
