package demo;

/** Correct: every increment holds this object's monitor. */
final class SynchronizedCounter implements Counter {
    private int count;

    @Override
    public synchronized void increment() {
        count++;
    }

    @Override
    public synchronized int value() {
        return count;
    }

    @Override
    public String describe() {
        return "synchronized method";
    }
}
