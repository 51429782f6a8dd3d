package demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lost-update demo. Five threads each add 1 to a shared counter a million times. The plain
 * {@code int} loses updates; the synchronized, atomic and locked counters do not.
 *
 * <p>Usage: {@code java -jar demo-app.jar [racy|synchronized|atomic|lock|all]} (default: all).
 */
public final class Main {
    static final int THREADS = 5;
    static final int INCREMENTS = 1_000_000;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        String which = args.length > 0 ? args[0] : "all";
        List<Counter> counters = new ArrayList<>();
        switch (which) {
            case "racy" -> counters.add(new UnsafeCounter());
            case "synchronized" -> counters.add(new SynchronizedCounter());
            case "atomic" -> counters.add(new AtomicCounter());
            case "lock" -> counters.add(new LockedCounter());
            case "all" -> counters.addAll(List.of(new UnsafeCounter(), new SynchronizedCounter(),
                    new AtomicCounter(), new LockedCounter()));
            default -> {
                System.err.println("usage: demo-app [racy|synchronized|atomic|lock|all]");
                System.exit(2);
            }
        }
        System.out.printf(Locale.ROOT, "%d threads each add 1 to a counter %,d times (expected total %,d)%n",
                THREADS, INCREMENTS, (long) THREADS * INCREMENTS);
        for (Counter counter : counters) {
            run(counter);
            if (counter instanceof UnsafeCounter) {
                System.out.println("The value of a is: " + counter.value());
            } else {
                System.out.printf(Locale.ROOT, "%-28s %d%n", counter.describe() + ":", counter.value());
            }
        }
    }

    /** Starts the workers, then waits for all of them; join makes their writes visible here. */
    static void run(Counter counter) throws InterruptedException {
        Thread[] workers = new Thread[THREADS];
        for (int i = 0; i < THREADS; i++) {
            workers[i] = new Thread(() -> {
                for (int n = 0; n < INCREMENTS; n++) {
                    counter.increment();
                }
            }, "worker-" + (i + 1));
        }
        for (Thread worker : workers) {
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
