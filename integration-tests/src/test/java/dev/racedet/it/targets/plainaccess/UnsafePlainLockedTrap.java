package dev.racedet.it.targets.plainaccess;

import dev.racedet.it.targets.Racers;
import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * Trap: plain {@code sun.misc.Unsafe} reads and writes of a field and of an array element by three
 * threads, always under one monitor, plus an ordered ({@code putOrderedInt}) publication of a flag
 * that a reader polls with {@code getIntVolatile} before a plain {@code getLong}. Locks and
 * release/acquire order the plain accesses: no race.
 */
public class UnsafePlainLockedTrap {
    private static final Unsafe U;
    private static final long COUNT;
    private static final long FLAG;
    private static final long DATA;
    private static final long LONGS_BASE;

    static {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            U = (Unsafe) f.get(null);
            COUNT = U.objectFieldOffset(UnsafePlainLockedTrap.class.getDeclaredField("count"));
            FLAG = U.objectFieldOffset(UnsafePlainLockedTrap.class.getDeclaredField("flag"));
            DATA = U.objectFieldOffset(UnsafePlainLockedTrap.class.getDeclaredField("data"));
            LONGS_BASE = U.arrayBaseOffset(long[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int count;
    private int flag;
    private long data;

    public static void main(String[] args) throws Exception {
        UnsafePlainLockedTrap state = new UnsafePlainLockedTrap();
        long[] sums = new long[1];
        Runnable worker = () -> {
            for (int i = 0; i < 500; i++) {
                synchronized (state) {
                    U.putInt(state, COUNT, U.getInt(state, COUNT) + 1);
                    U.putLong(sums, LONGS_BASE, U.getLong(sums, LONGS_BASE) + 2);
                }
            }
        };
        long[] seen = new long[1];
        Racers.race(worker, worker, worker,
                () -> {
                    U.putLong(state, DATA, 77L);
                    U.putOrderedInt(state, FLAG, 1);
                },
                () -> {
                    while (U.getIntVolatile(state, FLAG) == 0) {
                        Thread.onSpinWait();
                    }
                    seen[0] = U.getLong(state, DATA);
                });
        if (state.count != 1500 || sums[0] != 3000 || seen[0] != 77L) {
            throw new AssertionError(state.count + " " + sums[0] + " " + seen[0]);
        }
    }
}
