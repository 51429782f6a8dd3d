package dev.racedet.it.arrays.programs;

/** One racy element in an array of every element type, written by one racer, read or written by the other. */
public class ElementTypes {
    int[] ints = new int[4];
    long[] longs = new long[4];
    double[] doubles = new double[4];
    float[] floats = new float[4];
    short[] shorts = new short[4];
    char[] chars = new char[4];
    byte[] bytes = new byte[4];
    boolean[] flags = new boolean[4];
    String[] names = new String[4];
    static Object[] shared = new Object[4];

    public static void main(String[] args) throws Exception {
        ElementTypes t = new ElementTypes();
        Racers.race(() -> {
            t.ints[1] = 1; // RACE
            t.longs[2] = 2L; // RACE
            t.doubles[3] = 3.0; // RACE
            t.floats[0] = 4f; // RACE
            t.shorts[1] = 5; // RACE
            t.chars[2] = 'x'; // RACE
            t.bytes[3] = 7; // RACE
            t.flags[0] = true; // RACE
            t.names[1] = "a"; // RACE
            shared[2] = t; // RACE
        }, () -> {
            int i = t.ints[1]; // RACE
            t.longs[2] += 1; // RACE
            double d = t.doubles[3]; // RACE
            t.floats[0] = 1f; // RACE
            short s = t.shorts[1]; // RACE
            t.chars[2]++; // RACE
            byte b = t.bytes[3]; // RACE
            boolean f = t.flags[0]; // RACE
            t.names[1] = "b"; // RACE
            Object o = shared[2]; // RACE
        });
        System.out.println("done");
    }
}
