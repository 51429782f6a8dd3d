package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * Trap: a one-shot boolean latch built on {@code AbstractQueuedSynchronizer}'s shared mode (the
 * idea of the AQS javadoc's BooleanLatch, written here anew). {@code signal} sets the state with a
 * volatile write in {@code releaseShared}; waiters pass once {@code tryAcquireShared} reads it, so
 * the data written before {@code signal} is visible to every waiter.
 */
public class AqsLatchTrap {
    static final class Gate extends AbstractQueuedSynchronizer {
        @Override
        protected int tryAcquireShared(int ignored) {
            return getState() != 0 ? 1 : -1;
        }

        @Override
        protected boolean tryReleaseShared(int ignored) {
            setState(1);
            return true;
        }

        void open() {
            releaseShared(1);
        }

        void pass() throws InterruptedException {
            acquireSharedInterruptibly(1);
        }
    }

    private long config;

    public static void main(String[] args) throws Exception {
        AqsLatchTrap state = new AqsLatchTrap();
        Gate gate = new Gate();
        long[] seen = new long[2];
        Racers.race(
                () -> {
                    state.config = 99;
                    gate.open();
                },
                Racers.unchecked(() -> {
                    gate.pass();
                    seen[0] = state.config;
                }),
                Racers.unchecked(() -> {
                    gate.pass();
                    seen[1] = state.config;
                }));
        if (seen[0] != 99 || seen[1] != 99) {
            throw new AssertionError("gate broken");
        }
    }
}
