package dev.racedet.it.targets;

/**
 * Trap: reentrant monitor use. A synchronized method calls another synchronized method on the same
 * object, and a nested {@code synchronized} block re-enters a monitor already held, touching the
 * field again after the inner block has exited but while the outer one still holds the monitor.
 * The monitor is only really released when the outermost block exits, so every access is ordered.
 */
public class ReentrantSynchronizedTrap {

    private int depth;
    private int total;

    synchronized void outer() {
        depth++;
        inner();
        depth--;
    }

    synchronized void inner() {
        total += depth;
    }

    void nested() {
        synchronized (this) {
            depth++;
            synchronized (this) {
                total += depth;
            }
            total++;
            depth--;
        }
    }

    public static void main(String[] args) throws Exception {
        ReentrantSynchronizedTrap target = new ReentrantSynchronizedTrap();

        Racers.race(
                () -> {
                    for (int i = 0; i < 300; i++) {
                        target.outer();
                    }
                },
                () -> {
                    for (int i = 0; i < 300; i++) {
                        target.nested();
                    }
                });

        if (target.depth != 0 || target.total != 900) {
            throw new AssertionError("broken reentrancy");
        }
    }
}
