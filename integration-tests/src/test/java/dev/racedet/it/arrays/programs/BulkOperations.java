package dev.racedet.it.arrays.programs;

import java.util.Arrays;

/**
 * The JDK's bulk operations called from checked code access the elements they copy, fill or clone,
 * and only those: elements outside the range, and calls that throw, race with nothing.
 */
public class BulkOperations {
    int[] source = new int[8];
    int[] target = new int[8];
    long[] filled = new long[8];
    String[] part = new String[8];
    double[] copied = new double[8];
    char[] ranged = new char[8];
    Object[] cloned = new Object[4];
    int[] outOfBounds = new int[8];

    public static void main(String[] args) throws Exception {
        BulkOperations o = new BulkOperations();
        Racers.race(() -> {
            System.arraycopy(o.source, 0, o.target, 0, 4); // RACE
            Arrays.fill(o.filled, 7L); // RACE
            Arrays.fill(o.part, 1, 3, "x"); // RACE
            double[] c = Arrays.copyOf(o.copied, 3); // RACE
            char[] r = Arrays.copyOfRange(o.ranged, 2, 4); // RACE
            Object[] k = o.cloned.clone(); // RACE
            try {
                System.arraycopy(o.source, 0, o.outOfBounds, 5, 4);
            } catch (IndexOutOfBoundsException expected) {
                // nothing was copied
            }
        }, () -> {
            o.source[2] = 1; // RACE
            o.source[6] = 1;
            int t = o.target[3]; // RACE
            o.target[4] = 1;
            o.filled[5]++; // RACE
            o.part[2] = "y"; // RACE
            o.part[3] = "z";
            o.copied[2] = 1.5; // RACE
            o.copied[3] = 2.5;
            o.ranged[3] = 'q'; // RACE
            o.ranged[4] = 'q';
            o.cloned[0] = o; // RACE
            o.outOfBounds[6] = 1;
        });
        System.out.println("done");
    }
}
