package dev.racedet.it.attach;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * No races, across the attach point. Synchronization that began before racedet arrived must not
 * turn into reports of accesses made after:
 * <ul>
 * <li>{@link LockAcrossAttach}: a thread enters a monitor before the attach and leaves it after,
 *     having written inside; the main thread then takes the monitor and reads.</li>
 * <li>{@link StartedBeforeAttach}: a thread started before the attach writes after it; the main
 *     thread joins it and reads.</li>
 * <li>{@link PublishedBeforeAttach}: data written before the attach and handed over through a queue
 *     before it is read and written after it by the receiver, then handed back.</li>
 * </ul>
 * Each trap has its own fields, so a report names the trap that failed. The system property
 * {@code traps} chooses them ({@code lock}, {@code started}, {@code published}, comma-separated;
 * default all).
 */
public final class AttachTraps {
    public static void main(String[] args) throws Exception {
        LockAcrossAttach lock = new LockAcrossAttach();
        StartedBeforeAttach started = new StartedBeforeAttach();
        PublishedBeforeAttach published = new PublishedBeforeAttach();
        List<String> traps = List.of(System.getProperty("traps", "lock,started,published").split(","));
        if (traps.contains("lock")) {
            lock.before();
        }
        if (traps.contains("started")) {
            started.before();
        }
        if (traps.contains("published")) {
            published.before();
        }
        Phases.reached("ready");
        Phases.await("go");
        if (traps.contains("lock")) {
            lock.after();
        }
        if (traps.contains("started")) {
            started.after();
        }
        if (traps.contains("published")) {
            published.after();
        }
        Phases.reached("done");
        Phases.await("end");
    }

    static final class LockAcrossAttach {
        private final Object monitor = new Object();
        private final CountDownLatch attached = new CountDownLatch(1);
        private final CountDownLatch holding = new CountDownLatch(1);
        private int guarded;
        private Thread holder;

        void before() throws InterruptedException {
            holder = new Thread(() -> {
                synchronized (monitor) {
                    holding.countDown();
                    awaitQuietly(attached);
                    write(); // runs instrumented code: the method is called after the attach
                }
            }, "lock-holder");
            holder.start();
            holding.await();
        }

        private void write() {
            guarded = 42;
        }

        void after() throws InterruptedException {
            attached.countDown();
            read();
        }

        private void read() {
            synchronized (monitor) {
                if (guarded != 42) {
                    throw new IllegalStateException("monitor did not order the write");
                }
            }
        }
    }

    static final class StartedBeforeAttach {
        private final CountDownLatch attached = new CountDownLatch(1);
        private int result;
        private Thread worker;

        void before() {
            worker = new Thread(() -> {
                awaitQuietly(attached);
                compute();
            }, "started-before-attach");
            worker.start();
        }

        private void compute() {
            result = 7;
        }

        void after() throws InterruptedException {
            attached.countDown();
            worker.join();
            check();
        }

        private void check() {
            if (result != 7) {
                throw new IllegalStateException("join did not order the write");
            }
        }
    }

    static final class PublishedBeforeAttach {
        private final BlockingQueue<int[]> toWorker = new ArrayBlockingQueue<>(1);
        private final BlockingQueue<int[]> back = new ArrayBlockingQueue<>(1);
        private final CountDownLatch attached = new CountDownLatch(1);
        private Thread worker;

        void before() throws InterruptedException {
            int[] data = {1};
            toWorker.put(data); // written and published before racedet arrives
            worker = new Thread(() -> {
                try {
                    int[] received = toWorker.take();
                    attached.await();
                    update(received);
                    back.put(received);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "receiver");
            worker.start();
        }

        private static void update(int[] data) {
            data[0] = data[0] + 1;
        }

        void after() throws InterruptedException {
            attached.countDown();
            int[] data = back.take();
            if (readFirst(data) != 2) {
                throw new IllegalStateException("queue did not order the update");
            }
            worker.join();
        }

        private static int readFirst(int[] data) {
            return data[0];
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
