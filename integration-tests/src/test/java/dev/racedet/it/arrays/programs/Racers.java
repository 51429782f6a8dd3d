package dev.racedet.it.arrays.programs;

import java.util.concurrent.CountDownLatch;

/**
 * Runs two racers behind a start gate opened after both started, so neither is ordered after the
 * other by the JDK's own synchronization around thread start and exit. Racers must not call the JDK
 * while racing (printing is synchronized, for instance), or they would order each other.
 */
final class Racers {
    private Racers() {
    }

    static void race(Runnable first, Runnable second) throws InterruptedException {
        // The first array access of this class loader's code resolves racedet's array hooks, which
        // synchronizes in the class loader: done here, it orders neither racer after the other.
        int[] resolve = {0};
        resolve[0]++;
        CountDownLatch gate = new CountDownLatch(1);
        Thread a = new Thread(() -> runAfter(gate, first), "racer-1");
        Thread b = new Thread(() -> runAfter(gate, second), "racer-2");
        a.start();
        b.start();
        gate.countDown();
        a.join();
        b.join();
    }

    private static void runAfter(CountDownLatch gate, Runnable body) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        body.run();
    }
}
