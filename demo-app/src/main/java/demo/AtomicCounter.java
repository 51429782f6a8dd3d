package demo;

import java.util.concurrent.atomic.AtomicInteger;

/** Correct: the increment is one atomic read-modify-write. */
final class AtomicCounter implements Counter {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public void increment() {
        count.incrementAndGet();
    }

    @Override
    public int value() {
        return count.get();
    }

    @Override
    public String describe() {
        return "AtomicInteger";
    }
}
