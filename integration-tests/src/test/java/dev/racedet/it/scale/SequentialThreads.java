package dev.racedet.it.scale;

/**
 * Starts and joins {@code args[0]} threads one after another. Each writes a plain static field and
 * takes a monitor; start and join order every write before the next, so racedet must stay silent
 * however many threads have come and gone, and its memory must not grow with them.
 */
public final class SequentialThreads {
    private static final Object LOCK = new Object();
    private static int counter;
    private static int shared;

    private SequentialThreads() {
    }

    public static void main(String[] args) throws InterruptedException {
        int n = Integer.parseInt(args[0]);
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(SequentialThreads::work, "seq-" + i);
            t.start();
            t.join();
        }
        System.out.println(counter + " " + shared);
    }

    private static void work() {
        counter++;
        synchronized (LOCK) {
            shared++;
        }
    }
}
