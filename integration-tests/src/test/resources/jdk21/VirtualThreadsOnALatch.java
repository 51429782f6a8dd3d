import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Starts {@code args[0]} virtual threads that all wait on one latch, opens it, and has each add to
 * a plain field under a {@code ReentrantLock}; then joins them all. Race-free. Every thread is alive
 * and parked at once: racedet must neither hang (its hooks in the scheduler's own code must not wait
 * for a lock a parked virtual thread is to take next) nor give each waiting thread a clock slot.
 */
public final class VirtualThreadsOnALatch {
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static int count;

    public static void main(String[] args) throws InterruptedException {
        int n = Integer.parseInt(args[0]);
        CountDownLatch gate = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofVirtual().start(() -> work(gate)));
        }
        gate.countDown();
        for (Thread t : threads) {
            t.join();
        }
        System.out.println(count);
    }

    private static void work(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        LOCK.lock();
        try {
            count++;
        } finally {
            LOCK.unlock();
        }
    }
}
