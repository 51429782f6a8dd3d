package dev.racedet.it.targets;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Trap: a producer/consumer handshake over a {@code ReentrantLock} and its {@code Condition}. The
 * consumer awaits inside the lock; {@code await} releases the lock while waiting and re-acquires it
 * before returning, so the producer's writes (made holding the lock) happen-before the consumer's
 * reads, and the consumer's first read of {@code ready} happens-before the producer's write of it.
 * The producer starts only once the consumer is waiting, so the await path is always taken.
 */
public class ConditionHandshakeTrap {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition filled = lock.newCondition();
    private boolean ready;
    private int payload;
    private int consumed;
    /** Set by the consumer, holding the lock, just before it awaits: the producer starts after it. */
    private volatile boolean consumerWaiting;

    void produce() {
        while (!consumerWaiting) {
            Thread.onSpinWait();
        }
        lock.lock(); // granted once the consumer's await has released the lock
        try {
            payload = 42;
            ready = true;
            filled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void consume() throws InterruptedException {
        lock.lock();
        try {
            consumerWaiting = true;
            while (!ready) {
                filled.await();
            }
            consumed = payload;
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        ConditionHandshakeTrap box = new ConditionHandshakeTrap();
        Racers.race(Racers.unchecked(box::consume), box::produce);
        if (box.consumed != 42) {
            throw new AssertionError("consumed " + box.consumed);
        }
    }
}
