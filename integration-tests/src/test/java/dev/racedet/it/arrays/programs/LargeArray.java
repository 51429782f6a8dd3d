package dev.racedet.it.arrays.programs;

/**
 * Ten million ints written and read by one thread, several times, in a small heap: the shadow must
 * stay compact (two bytes an element, shared states) and nothing is reported. Then the last element
 * is raced by two threads, which proves the array was checked all along.
 */
public class LargeArray {
    static final int SIZE = 10_000_000;
    int[] big = new int[SIZE];

    public static void main(String[] args) throws Exception {
        LargeArray l = new LargeArray();
        long sum = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < SIZE; i++) {
                l.big[i] = i + round;
            }
            for (int i = 1; i < SIZE; i++) {
                sum += l.big[i - 1] ^ l.big[i];
            }
            System.out.println("round " + round + " " + sum); // synchronized: a new epoch
        }
        Racers.race(() -> l.big[SIZE - 1] = 1, // RACE
                () -> l.big[SIZE - 1] = 2); // RACE
        System.out.println("done");
    }
}
