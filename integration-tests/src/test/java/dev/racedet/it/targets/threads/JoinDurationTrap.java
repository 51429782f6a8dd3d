package dev.racedet.it.targets.threads;

// REQUIRES-JDK: 19

import java.time.Duration;

/**
 * Trap: {@code Thread.join(Duration)} (JDK 19+, called through a method handle so the target builds
 * for release 17). It returns {@code true} only when the thread terminated, and then the thread's
 * actions happen-before main's next actions, like {@code join()}.
 */
public class JoinDurationTrap {
    private String greeting;

    public static void main(String[] args) throws Exception {
        JoinDurationTrap state = new JoinDurationTrap();
        Thread worker = new Thread(() -> state.greeting = "hello", "worker");
        worker.start();
        while (!NewThreadApis.join(worker, Duration.ofSeconds(5))) {
            Thread.onSpinWait();
        }
        if (!"hello".equals(state.greeting)) {
            throw new AssertionError("join broken");
        }
    }
}
