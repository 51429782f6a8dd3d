package dev.racedet.it.targets.threads;

/**
 * Trap: a {@code Thread} subclass whose fields are set by the constructor and by main before
 * {@code start()}, read and written by {@code run()}, and read by main after {@code join()}.
 * Start and join are the only edges, and they suffice.
 */
public class ThreadSubclassFieldsTrap extends Thread {
    private int from;
    private int to;
    private long sum;

    ThreadSubclassFieldsTrap(int from) {
        super("summer");
        this.from = from;
    }

    @Override
    public void run() {
        for (int i = from; i < to; i++) {
            sum += i;
        }
    }

    public static void main(String[] args) throws Exception {
        ThreadSubclassFieldsTrap a = new ThreadSubclassFieldsTrap(0);
        ThreadSubclassFieldsTrap b = new ThreadSubclassFieldsTrap(100);
        a.to = 100;
        b.to = 200;
        a.start();
        b.start();
        a.join();
        b.join();
        if (a.sum + b.sum != 19900) {
            throw new AssertionError("sum " + (a.sum + b.sum));
        }
    }
}
