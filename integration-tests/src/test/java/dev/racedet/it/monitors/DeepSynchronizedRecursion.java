package dev.racedet.it.monitors;

/**
 * Recurses until {@code StackOverflowError} with {@code synchronized} in every frame (a block on a shared
 * lock, then a synchronized method), catches it, and does that {@code ROUNDS} times. Prints only what
 * does not depend on how deep the stack got: the number of overflows caught, whether the thread still
 * holds a monitor afterwards, and a checksum of synchronized work done after the overflows (which also
 * shows the monitors are usable). Run with and without the agent, the output must be the same.
 *
 * <p>No {@code finally} in the deep frames: the JVM itself may skip a handler when the stack is exhausted
 * (deoptimizing a compiled frame needs more stack), so what a handler counts there varies from run to run.
 */
public final class DeepSynchronizedRecursion {
    private static final int ROUNDS = 20;
    private static final Object LOCK = new Object();

    private boolean deep;
    private long sum;

    private DeepSynchronizedRecursion() {
    }

    public static void main(String[] args) throws Exception {
        DeepSynchronizedRecursion r = new DeepSynchronizedRecursion();
        String[] result = new String[1];
        // A thread of its own: a fixed stack size, and the main thread stays out of the overflows.
        Thread deepThread = new Thread(null, () -> result[0] = r.rounds(), "deep", 1 << 20);
        deepThread.start();
        deepThread.join();
        System.out.println(result[0]);
    }

    private String rounds() {
        int caught = 0;
        boolean holding = false;
        for (int i = 0; i < ROUNDS; i++) {
            try {
                down();
            } catch (StackOverflowError e) {
                caught++;
            }
            holding |= Thread.holdsLock(LOCK) || Thread.holdsLock(this);
            for (int j = 0; j < 1000; j++) {
                add(j);
                addSynchronized(i);
            }
        }
        synchronized (LOCK) {
            return "caught " + caught + " of " + ROUNDS + ", still holding a monitor " + holding + ", sum " + sum;
        }
    }

    private void down() {
        synchronized (LOCK) {
            deep = !deep;
        }
        downSynchronized();
    }

    private synchronized void downSynchronized() {
        down();
    }

    private void add(int value) {
        synchronized (LOCK) {
            sum += value;
        }
    }

    private synchronized void addSynchronized(int value) {
        sum += value;
    }
}
