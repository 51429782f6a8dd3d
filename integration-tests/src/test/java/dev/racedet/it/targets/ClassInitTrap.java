package dev.racedet.it.targets;

/**
 * Trap: a class initializer writes (non-final) static fields that two racers read. Main never
 * touches {@code Limits}, so whichever racer gets there first runs the initializer while the other
 * blocks on the JVM's initialization lock; the JLS orders everything in the initializer before any
 * other thread's use of the class. The racers only read the statics afterwards.
 */
public class ClassInitTrap {

    static final class Limits {
        static int maxConnections;
        static long maxBytes;
        static String policy;

        static {
            maxConnections = computeMax();
            maxBytes = 1L << 20;
            policy = "strict";
        }

        private static int computeMax() {
            int m = 0;
            for (int i = 0; i < 64; i++) {
                m += 2;
            }
            return m;
        }
    }

    static long readLimits() {
        int c = Limits.maxConnections;
        long b = Limits.maxBytes;
        String p = Limits.policy;
        return c + b + p.length();
    }

    public static void main(String[] args) throws Exception {
        long[] seen = new long[2];

        Racers.race(
                () -> seen[0] = readLimits(),
                () -> seen[1] = readLimits());

        long expected = 128 + (1L << 20) + 6;
        if (seen[0] != expected || seen[1] != expected) {
            throw new AssertionError("unexpected " + seen[0] + ", " + seen[1]);
        }
    }
}
