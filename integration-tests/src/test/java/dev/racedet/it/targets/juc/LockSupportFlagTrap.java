package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Trap: {@code park}/{@code unpark} with an atomic flag, the way every JDK synchronizer uses them.
 * The producer writes the data, sets the flag (a volatile write) and unparks the consumer; the
 * consumer parks until it reads the flag set (a volatile read), so the data is ordered by the flag.
 * {@code park} may return spuriously; the loop rechecks the flag.
 */
public class LockSupportFlagTrap {
    private int data;

    public static void main(String[] args) throws Exception {
        LockSupportFlagTrap state = new LockSupportFlagTrap();
        AtomicBoolean published = new AtomicBoolean();
        AtomicReference<Thread> consumer = new AtomicReference<>();
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    Thread waiter;
                    while ((waiter = consumer.get()) == null) {
                        Thread.onSpinWait();
                    }
                    state.data = 42;
                    published.set(true);
                    LockSupport.unpark(waiter);
                },
                () -> {
                    consumer.set(Thread.currentThread());
                    while (!published.get()) {
                        LockSupport.park();
                    }
                    seen[0] = state.data;
                });
        if (seen[0] != 42) {
            throw new AssertionError("flag broken");
        }
    }
}
