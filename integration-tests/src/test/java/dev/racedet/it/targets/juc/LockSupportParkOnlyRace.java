package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Race: the consumer relies on {@code park}/{@code unpark} alone. {@code LockSupport} promises no
 * memory effects (and {@code park} may return spuriously, before the producer's write), so nothing
 * orders the producer's write before the consumer's read. The only edge, through the
 * {@code AtomicReference}, goes from the consumer to the producer, before either access.
 */
public class LockSupportParkOnlyRace {
    private int data;

    public static void main(String[] args) throws Exception {
        LockSupportParkOnlyRace state = new LockSupportParkOnlyRace();
        AtomicReference<Thread> consumer = new AtomicReference<>();
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    Thread waiter;
                    while ((waiter = consumer.get()) == null) {
                        Thread.onSpinWait();
                    }
                    state.data = 42; // RACE
                    LockSupport.unpark(waiter);
                },
                () -> {
                    consumer.set(Thread.currentThread());
                    LockSupport.park();
                    seen[0] = state.data; // RACE
                });
    }
}
