package demo;

/** The bug: {@code a++} is a read, an add and a write, and two threads can interleave them. */
final class UnsafeCounter implements Counter {
    private int a;

    @Override
    public void increment() {
        a++;
    }

    @Override
    public int value() {
        return a;
    }

    @Override
    public String describe() {
        return "plain int (racy)";
    }
}
