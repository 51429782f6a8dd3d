import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code args[0]} virtual threads at once, each taking one shared monitor to increment a
 * plain field, then joins them all. Race-free: racedet must stay silent, and its memory must follow
 * the threads alive, not the threads started.
 */
public final class ManyVirtualThreads {
    private static final Object LOCK = new Object();
    private static int count;

    public static void main(String[] args) throws InterruptedException {
        int n = Integer.parseInt(args[0]);
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofVirtual().start(ManyVirtualThreads::work));
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println(count);
    }

    private static void work() {
        synchronized (LOCK) {
            count++;
        }
    }
}
