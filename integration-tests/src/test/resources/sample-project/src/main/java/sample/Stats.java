package sample;

/** A running total. Not thread-safe: {@link #add} from two threads races on {@code total}. */
public class Stats {
    private long total;

    public void add(long value) {
        total += value;
    }

    public long total() {
        return total;
    }
}
