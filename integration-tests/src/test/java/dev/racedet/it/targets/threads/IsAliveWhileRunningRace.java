package dev.racedet.it.targets.threads;

import java.util.concurrent.CountDownLatch;

/**
 * Race: {@code isAlive()} used wrongly. The worker writes its result and then waits for main's
 * release before it may finish; main asks {@code isAlive()} (true: the worker cannot have ended)
 * and reads the result anyway. Only {@code isAlive()} returning false would order the worker's
 * actions; a true answer orders nothing, and the release comes after main's read.
 */
public class IsAliveWhileRunningRace {
    private int result;

    public static void main(String[] args) throws Exception {
        IsAliveWhileRunningRace state = new IsAliveWhileRunningRace();
        CountDownLatch mayFinish = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            state.result = 1; // RACE
            try {
                mayFinish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "worker");
        worker.start();
        int seen = -1;
        if (worker.isAlive()) {
            seen = state.result; // RACE
        }
        mayFinish.countDown();
        worker.join();
        if (seen == -1) {
            throw new AssertionError("worker ended before being released");
        }
    }
}
