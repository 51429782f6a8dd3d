package demo;

import java.util.concurrent.locks.ReentrantLock;

/** Correct: every increment holds a ReentrantLock, released in finally. */
final class LockedCounter implements Counter {
    private final ReentrantLock lock = new ReentrantLock();
    private int count;

    @Override
    public void increment() {
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int value() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String describe() {
        return "ReentrantLock";
    }
}
