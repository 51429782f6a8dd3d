package dev.racedet.it.targets.plainaccess;

import dev.racedet.it.targets.Racers;
import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * Race: {@code sun.misc.Unsafe.putLong} of a field in one thread and {@code getLong} of it in
 * another, both plain, no synchronization; then a plain {@code putInt} of an {@code int[]} element
 * against an ordinary read of it. Plain {@code Unsafe} accesses are ordinary accesses of the memory
 * they address. The element each thread alone uses is left alone.
 */
public class UnsafePlainFieldRace {
    private static final Unsafe U;
    private static final long TOTAL;
    private static final long INTS_BASE;
    private static final long INTS_SCALE;

    static {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            U = (Unsafe) f.get(null);
            TOTAL = U.objectFieldOffset(UnsafePlainFieldRace.class.getDeclaredField("total"));
            INTS_BASE = U.arrayBaseOffset(int[].class);
            INTS_SCALE = U.arrayIndexScale(int[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long total;

    public static void main(String[] args) throws Exception {
        UnsafePlainFieldRace state = new UnsafePlainFieldRace();
        int[] cells = new int[3];
        long[] seen = new long[1];
        Racers.race(
                () -> {
                    U.putLong(state, TOTAL, 9L); // RACE
                    U.putInt(cells, INTS_BASE + 2 * INTS_SCALE, 5); // RACE
                    U.putInt(cells, INTS_BASE, 1);
                },
                () -> {
                    seen[0] = U.getLong(state, TOTAL); // RACE
                    seen[0] += cells[2]; // RACE
                    U.putInt(cells, INTS_BASE + INTS_SCALE, 1);
                });
    }
}
