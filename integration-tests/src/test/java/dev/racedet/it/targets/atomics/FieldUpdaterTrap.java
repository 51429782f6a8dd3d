package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * Trap: {@code AtomicIntegerFieldUpdater} and {@code AtomicReferenceFieldUpdater} over volatile
 * fields. The state word is claimed with {@code compareAndSet} (a volatile read-modify-write) and
 * released with {@code set}; the result object is published with the reference updater's
 * {@code compareAndSet}. Both give release → acquire ordering for the plain fields around them.
 */
public class FieldUpdaterTrap {
    private static final AtomicIntegerFieldUpdater<FieldUpdaterTrap> STATE =
            AtomicIntegerFieldUpdater.newUpdater(FieldUpdaterTrap.class, "state");
    private static final AtomicReferenceFieldUpdater<FieldUpdaterTrap, Result> RESULT =
            AtomicReferenceFieldUpdater.newUpdater(FieldUpdaterTrap.class, Result.class, "result");

    static final class Result {
        int code;
    }

    private volatile int state;
    private volatile Result result;
    private int guarded;

    public static void main(String[] args) throws Exception {
        FieldUpdaterTrap box = new FieldUpdaterTrap();
        int[] seen = new int[1];
        Runnable work = () -> {
            for (int i = 0; i < 300; i++) {
                while (!STATE.compareAndSet(box, 0, 1)) {
                    Thread.onSpinWait();
                }
                box.guarded++;
                STATE.set(box, 0);
            }
        };
        Racers.race(work, work, () -> {
            Result r = new Result();
            r.code = 200;
            RESULT.compareAndSet(box, null, r);
        }, () -> {
            Result r;
            while ((r = RESULT.get(box)) == null) {
                Thread.onSpinWait();
            }
            seen[0] = r.code;
        });
        if (box.guarded != 600 || seen[0] != 200) {
            throw new AssertionError("updater broken");
        }
    }
}
