package dev.racedet.it.targets.threads;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trap: a thread waiting in {@code Object.wait()} on a monitor only it uses is woken by an
 * interrupt and reads, in its handler, what the interrupter wrote before {@code interrupt()}. The
 * only edge is interrupt → {@code InterruptedException} (JLS 17.4.4); the interrupter never takes
 * the monitor.
 */
public class InterruptWaitTrap {
    private int reason;

    public static void main(String[] args) throws Exception {
        InterruptWaitTrap state = new InterruptWaitTrap();
        Object privateMonitor = new Object();
        AtomicReference<Thread> waiter = new AtomicReference<>();
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    Thread t;
                    while ((t = waiter.get()) == null) {
                        Thread.onSpinWait();
                    }
                    state.reason = 3;
                    t.interrupt();
                },
                () -> {
                    waiter.set(Thread.currentThread());
                    synchronized (privateMonitor) {
                        try {
                            while (true) {
                                privateMonitor.wait();
                            }
                        } catch (InterruptedException expected) {
                            seen[0] = state.reason;
                        }
                    }
                });
        if (seen[0] != 3) {
            throw new AssertionError("interrupt broken");
        }
    }
}
