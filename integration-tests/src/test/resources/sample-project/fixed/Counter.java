package sample;

/** Counts events; thread-safe: every access holds the counter's lock. */
public class Counter {
    private int count;

    public synchronized void increment() {
        count++;
    }

    public synchronized int get() {
        return count;
    }
}
