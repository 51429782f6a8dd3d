package dev.racedet.it.targets.methodrefs;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Trap: a bounded one-slot mailbox whose lock and condition are used only through method
 * references ({@code lock::lock}, {@code lock::unlock}, {@code changed::signalAll},
 * {@code changed::await}). {@code await} releases and reacquires the lock; every access to the
 * slot happens while holding it.
 */
public class ConditionMethodRefTrap {
    interface Blocking {
        void run() throws InterruptedException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Integer slot;

    void put(int v) throws InterruptedException {
        Runnable acquire = lock::lock;
        Runnable release = lock::unlock;
        Blocking await = changed::await;
        Runnable signal = changed::signalAll;
        acquire.run();
        try {
            while (slot != null) {
                await.run();
            }
            slot = v;
            signal.run();
        } finally {
            release.run();
        }
    }

    int take() throws InterruptedException {
        Runnable acquire = lock::lock;
        Runnable release = lock::unlock;
        Blocking await = changed::await;
        Runnable signal = changed::signalAll;
        acquire.run();
        try {
            while (slot == null) {
                await.run();
            }
            int v = slot;
            slot = null;
            signal.run();
            return v;
        } finally {
            release.run();
        }
    }

    public static void main(String[] args) throws Exception {
        ConditionMethodRefTrap box = new ConditionMethodRefTrap();
        int[] sum = new int[1];
        Racers.race(
                Racers.unchecked(() -> {
                    for (int i = 1; i <= 100; i++) {
                        box.put(i);
                    }
                }),
                Racers.unchecked(() -> {
                    for (int i = 1; i <= 100; i++) {
                        sum[0] += box.take();
                    }
                }));
        if (sum[0] != 5050) {
            throw new AssertionError("sum " + sum[0]);
        }
    }
}
