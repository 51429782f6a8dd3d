package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.Semaphore;

/**
 * Trap: a zero-permit {@code Semaphore} as a signal. The producer writes and then releases; the
 * consumer's {@code acquire()} returns only after that release, and release happens-before a
 * successful acquire.
 */
public class SemaphoreSignalTrap {
    private String message;

    public static void main(String[] args) throws Exception {
        SemaphoreSignalTrap box = new SemaphoreSignalTrap();
        Semaphore filled = new Semaphore(0);
        String[] seen = new String[1];
        Racers.race(
                () -> {
                    box.message = "hello";
                    filled.release();
                },
                Racers.unchecked(() -> {
                    filled.acquire();
                    seen[0] = box.message;
                }));
        if (!"hello".equals(seen[0])) {
            throw new AssertionError("signal broken");
        }
    }
}
