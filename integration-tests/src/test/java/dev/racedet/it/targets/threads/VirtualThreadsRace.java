package dev.racedet.it.targets.threads;

// REQUIRES-JDK: 21

import java.util.concurrent.CountDownLatch;

/**
 * Race: two virtual threads write the same field after meeting at a start gate. The gate (a latch
 * opened by main after both started) orders only their starts; the two writes are unordered. No
 * virtual thread prints or finishes before both are running.
 */
public class VirtualThreadsRace {
    private int owner;

    public static void main(String[] args) throws Exception {
        VirtualThreadsRace state = new VirtualThreadsRace();
        CountDownLatch gate = new CountDownLatch(1);
        Thread a = NewThreadApis.startVirtual("virtual-a", () -> {
            awaitQuietly(gate);
            state.owner = 1; // RACE
        });
        Thread b = NewThreadApis.startVirtual("virtual-b", () -> {
            awaitQuietly(gate);
            state.owner = 2; // RACE
        });
        gate.countDown();
        a.join();
        b.join();
    }

    private static void awaitQuietly(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
