package dev.racedet.it.targets;

/**
 * Trap: critical sections left by an exception. {@code failAfterWrite} is a synchronized method
 * that updates {@code failures} and then throws; {@code rejectInBlock} updates {@code rejections}
 * and throws out of a {@code synchronized (lock)} block. The monitor is released on the exceptional
 * path too (the synchronized method's implicit exit, the block's exception-handler
 * {@code monitorexit}), so each field stays guarded by its one monitor and every access is ordered.
 */
public class ExceptionInSynchronizedTrap {

    private final Object lock = new Object();
    private int failures;
    private int rejections;

    synchronized void failAfterWrite() {
        failures++;
        throw new IllegalStateException("rejected");
    }

    synchronized int failures() {
        return failures;
    }

    void rejectInBlock() {
        synchronized (lock) {
            rejections++;
            fail();
        }
    }

    int rejections() {
        synchronized (lock) {
            return rejections;
        }
    }

    private static void fail() {
        throw new IllegalArgumentException("rejected in block");
    }

    void attemptMany(int times) {
        for (int i = 0; i < times; i++) {
            try {
                failAfterWrite();
            } catch (IllegalStateException expected) {
                // the monitor of this was released on the way out
            }
            try {
                rejectInBlock();
            } catch (IllegalArgumentException expected) {
                // the monitor of lock was released on the way out
            }
        }
    }

    public static void main(String[] args) throws Exception {
        ExceptionInSynchronizedTrap target = new ExceptionInSynchronizedTrap();
        target.attemptMany(1); // main, before start: loads the exception classes; ordered
        int[] seen = new int[2];

        Racers.race(
                () -> target.attemptMany(100),
                () -> target.attemptMany(100),
                () -> {
                    for (int i = 0; i < 100; i++) {
                        seen[0] = target.failures();
                        seen[1] = target.rejections();
                    }
                });

        if (target.failures() != 201 || target.rejections() != 201) {
            throw new AssertionError("lost update");
        }
    }
}
