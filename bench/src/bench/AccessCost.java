package bench;

import java.util.Locale;

/**
 * Single-threaded cost of the access kinds racedet instruments, in nanoseconds per operation, one
 * {@code name<TAB>ns} line per scenario. Run it
 * with and without the agent (bench/access-cost.sh does both) and compare. Each scenario runs twice,
 * the first run warms up the JIT; the second is printed.
 */
public final class AccessCost {
    private static final int N = 50_000_000;

    private int own;
    private volatile int flag;
    private static int staticCount;

    static final class Holder {
        int value;
    }

    static final class Node {
        int payload;
    }

    private final Holder holder = new Holder();

    private void ownField() {
        for (int i = 0; i < N; i++) {
            own++;
        }
    }

    private void foreignField() {
        Holder h = holder;
        for (int i = 0; i < N; i++) {
            h.value++;
        }
    }

    private static void staticField() {
        for (int i = 0; i < N; i++) {
            staticCount++;
        }
    }

    private synchronized void lockedIncrement() {
        own++;
    }

    private void synchronizedMethod() {
        for (int i = 0; i < N / 10; i++) {
            lockedIncrement();
        }
    }

    private void lockedBlockIncrement() {
        synchronized (this) {
            own++;
        }
    }

    private void synchronizedBlockMethod() {
        for (int i = 0; i < N / 10; i++) {
            lockedBlockIncrement();
        }
    }

    private void volatileField() {
        for (int i = 0; i < N / 10; i++) {
            flag = flag + 1;
        }
    }

    private static long newObjects() {
        long sum = 0;
        for (int i = 0; i < N / 10; i++) {
            Node n = new Node();
            n.payload = i;
            sum += n.payload;
        }
        return sum;
    }

    private static void time(String name, int ops, Runnable scenario) {
        scenario.run();
        long start = System.nanoTime();
        scenario.run();
        double ns = (System.nanoTime() - start) / (double) ops;
        System.out.printf(Locale.ROOT, "%s\t%.2f%n", name, ns);
    }

    public static void main(String[] args) {
        AccessCost b = new AccessCost();
        time("own field ++", N, b::ownField);
        time("other class field ++", N, b::foreignField);
        time("static field ++", N, AccessCost::staticField);
        time("synchronized method", N / 10, b::synchronizedMethod);
        time("synchronized block method", N / 10, b::synchronizedBlockMethod);
        time("volatile read+write", N / 10, b::volatileField);
        time("new object + field", N / 10, AccessCost::newObjects);
        if (b.own + b.holder.value + staticCount + b.flag == 42) {
            System.out.println(); // keeps the results alive
        }
    }
}
