package dev.racedet.it.arrays.programs;

/**
 * No race: the racers touch disjoint elements (even and odd, neighbours, distinct rows of a matrix),
 * and main reads everything after joining them.
 */
public class DistinctElements {
    int[] ints = new int[64];
    long[] longs = new long[64];
    byte[] bytes = new byte[64];
    char[] chars = new char[64];
    Object[] objects = new Object[64];
    double[][] matrix = new double[2][8];

    public static void main(String[] args) throws Exception {
        DistinctElements d = new DistinctElements();
        Racers.race(() -> {
            for (int i = 0; i < 64; i += 2) {
                d.ints[i]++;
                d.longs[i] = i;
                d.bytes[i] = (byte) i;
                d.chars[i] = 'e';
                d.objects[i] = d;
            }
            for (int c = 0; c < 8; c++) {
                d.matrix[0][c] += c;
            }
        }, () -> {
            for (int i = 1; i < 64; i += 2) {
                d.ints[i]++;
                d.longs[i] = i;
                d.bytes[i] = (byte) i;
                d.chars[i] = 'o';
                d.objects[i] = d;
            }
            for (int c = 0; c < 8; c++) {
                d.matrix[1][c] += c;
            }
        });
        long sum = 0;
        for (int i = 0; i < 64; i++) {
            sum += d.ints[i] + d.longs[i] + d.bytes[i] + d.chars[i] + (d.objects[i] == null ? 0 : 1);
        }
        for (double[] row : d.matrix) {
            for (double v : row) {
                sum += (long) v;
            }
        }
        System.out.println(sum);
    }
}
