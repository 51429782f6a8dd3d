package sample;

/** A running total; thread-safe. */
public class Stats {
    private long total;

    public synchronized void add(long value) {
        total += value;
    }

    public synchronized long total() {
        return total;
    }
}
