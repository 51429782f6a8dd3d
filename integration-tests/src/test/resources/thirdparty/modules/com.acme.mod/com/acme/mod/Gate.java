package com.acme.mod;

import java.util.concurrent.CountDownLatch;

/**
 * Runs two tasks on two threads released together once both are started, then joins them: the
 * only edges between the tasks are the ones they create (see the validation suite's Racers).
 * Tasks must not print: PrintStream is synchronized.
 */
final class Gate {
    private Gate() {
    }

    static void race(Runnable first, Runnable second) throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        Thread one = new Thread(() -> run(gate, first), "racer-1");
        Thread two = new Thread(() -> run(gate, second), "racer-2");
        one.start();
        two.start();
        gate.countDown();
        one.join();
        two.join();
    }

    private static void run(CountDownLatch gate, Runnable task) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        task.run();
    }
}
