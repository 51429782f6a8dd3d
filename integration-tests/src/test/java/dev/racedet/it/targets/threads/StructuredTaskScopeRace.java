package dev.racedet.it.targets.threads;

// REQUIRES-JDK: 25
// JVM-ARGS: --enable-preview

import java.util.concurrent.CountDownLatch;

/**
 * Race: two subtasks of one structured scope write the same field; they overlap (each waits for the
 * other at a latch before writing), and only {@code join} orders them with the owner, not with each
 * other.
 */
public class StructuredTaskScopeRace {
    private int winner;

    public static void main(String[] args) throws Exception {
        StructuredTaskScopeRace state = new StructuredTaskScopeRace();
        CountDownLatch both = new CountDownLatch(2);
        try (StructuredScopes scope = StructuredScopes.open()) {
            scope.fork(() -> {
                both.countDown();
                both.await();
                state.winner = 1; // RACE
                return null;
            });
            scope.fork(() -> {
                both.countDown();
                both.await();
                state.winner = 2; // RACE
                return null;
            });
            scope.join();
        }
    }
}
