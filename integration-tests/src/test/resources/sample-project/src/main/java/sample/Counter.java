package sample;

/** Counts events. Not thread-safe: two threads calling {@link #increment} race on {@code count}. */
public class Counter {
    private int count;

    public void increment() {
        count++;
    }

    public int get() {
        return count;
    }
}
