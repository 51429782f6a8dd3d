package dev.racedet.it.targets.plainaccess;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Trap: plain {@code VarHandle} reads and writes of a field and of an array element, by several
 * threads, every one of them inside the same lock ({@code synchronized} for the field, a
 * {@code ReentrantLock} for the element). Plain accesses ordered by a lock are no race, however
 * they are written.
 */
public class VarHandlePlainLockedTrap {
    private static final VarHandle TOTAL;
    private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(int[].class);

    static {
        try {
            TOTAL = MethodHandles.lookup().findVarHandle(VarHandlePlainLockedTrap.class, "total", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long total;

    public static void main(String[] args) throws Exception {
        VarHandlePlainLockedTrap state = new VarHandlePlainLockedTrap();
        int[] cells = new int[2];
        ReentrantLock lock = new ReentrantLock();
        Runnable worker = () -> {
            for (int i = 0; i < 1000; i++) {
                synchronized (state) {
                    TOTAL.set(state, (long) TOTAL.get(state) + 1);
                }
                lock.lock();
                try {
                    CELL.set(cells, 1, (int) CELL.get(cells, 1) + 1);
                } finally {
                    lock.unlock();
                }
            }
        };
        Racers.race(worker, worker, worker);
        if (state.total != 3000 || cells[1] != 3000) {
            throw new AssertionError(state.total + " " + cells[1]);
        }
    }
}
