package dev.racedet.it.targets.threads;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trap: {@code interrupt()} → the point that detects it. JLS 17.4.4: if T1 interrupts T2, the
 * interrupt synchronizes-with any point where any thread determines that T2 has been interrupted,
 * by {@code isInterrupted()}, {@code Thread.interrupted()} or an {@code InterruptedException}.
 * Three workers detect their interrupt in the three ways (polling {@code isInterrupted()},
 * polling {@code Thread.interrupted()}, and being woken from {@code sleep}), then read what the
 * interrupter wrote before interrupting them.
 */
public class InterruptDetectionTrap {
    private String byFlag;
    private String byStatic;
    private String bySleep;

    public static void main(String[] args) throws Exception {
        InterruptDetectionTrap state = new InterruptDetectionTrap();
        AtomicReference<Thread> polling = new AtomicReference<>();
        AtomicReference<Thread> clearing = new AtomicReference<>();
        AtomicReference<Thread> sleeping = new AtomicReference<>();
        int[] seen = new int[3];
        Racers.race(
                () -> {
                    state.byFlag = "flag";
                    awaitSet(polling).interrupt();
                    state.byStatic = "static";
                    awaitSet(clearing).interrupt();
                    state.bySleep = "sleep";
                    awaitSet(sleeping).interrupt();
                },
                () -> {
                    polling.set(Thread.currentThread());
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait();
                    }
                    seen[0] = state.byFlag.length();
                },
                () -> {
                    clearing.set(Thread.currentThread());
                    while (!Thread.interrupted()) {
                        Thread.onSpinWait();
                    }
                    seen[1] = state.byStatic.length();
                },
                () -> {
                    sleeping.set(Thread.currentThread());
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException expected) {
                        seen[2] = state.bySleep.length();
                    }
                });
        if (seen[0] != 4 || seen[1] != 6 || seen[2] != 5) {
            throw new AssertionError("interrupt broken");
        }
    }

    private static Thread awaitSet(AtomicReference<Thread> ref) {
        Thread t;
        while ((t = ref.get()) == null) {
            Thread.onSpinWait();
        }
        return t;
    }
}
