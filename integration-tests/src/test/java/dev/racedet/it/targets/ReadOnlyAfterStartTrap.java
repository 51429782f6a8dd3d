package dev.racedet.it.targets;

/**
 * Trap: fields that are set by main before the racers start and afterwards only read, many times,
 * by several racers. Concurrent reads never race with each other, and the writes happen-before
 * every racer through {@code Thread.start}. Main rewrites the fields after the race, which is
 * ordered by the joins.
 */
public class ReadOnlyAfterStartTrap {

    static String greeting;

    private int width;
    private int height;
    private boolean verbose;
    private double scale;

    long area() {
        long w = width;
        long h = height;
        return verbose ? (long) (w * h * scale) : w * h;
    }

    public static void main(String[] args) throws Exception {
        ReadOnlyAfterStartTrap shape = new ReadOnlyAfterStartTrap();
        shape.width = 40;
        shape.height = 25;
        shape.verbose = true;
        shape.scale = 2.0;
        greeting = "hello";
        long[] seen = new long[3];

        Runnable reader0 = () -> {
            for (int i = 0; i < 1000; i++) {
                seen[0] = shape.area() + greeting.length();
            }
        };
        Runnable reader1 = () -> {
            for (int i = 0; i < 1000; i++) {
                seen[1] = shape.area() + greeting.length();
            }
        };
        Runnable reader2 = () -> {
            for (int i = 0; i < 1000; i++) {
                seen[2] = shape.area() + greeting.length();
            }
        };
        Racers.race(reader0, reader1, reader2);

        shape.width = 0;
        greeting = "bye";
        if (seen[0] != 2005 || seen[1] != 2005 || seen[2] != 2005 || shape.area() != 0) {
            throw new AssertionError("unexpected values");
        }
    }
}
