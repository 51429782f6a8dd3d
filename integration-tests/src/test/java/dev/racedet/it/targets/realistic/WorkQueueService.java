package dev.racedet.it.targets.realistic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Realistic program: a hand-written worker pool. Jobs go through a {@code LinkedBlockingQueue};
 * each job's input is written before it is queued and its output is read by the submitter after the
 * job's own {@code CountDownLatch} opens; a completed-jobs {@code AtomicInteger}; a poison pill per
 * worker for shutdown; a {@code volatile} accepting flag; worker threads started after a start latch
 * and joined at shutdown. All correctly synchronized.
 *
 * <p>Two bugs, real races in every run: each worker writes {@code lastWorkerStarted} first thing
 * (before it touches the queue) and {@code lastWorkerExited} last thing (after taking its pill),
 * and no synchronization separates those writes of different workers.
 */
public class WorkQueueService {
    static final class Job {
        int input;
        long output;
        String worker;
        final CountDownLatch done = new CountDownLatch(1);
    }

    private static final Job POISON = new Job();

    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger completed = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private final CountDownLatch startGate = new CountDownLatch(1);
    private volatile boolean accepting = true;
    private String lastWorkerStarted;
    private String lastWorkerExited;

    WorkQueueService(int size) {
        for (int i = 0; i < size; i++) {
            String name = "worker-" + i;
            workers.add(new Thread(() -> runWorker(name), name));
        }
        workers.forEach(Thread::start);
        startGate.countDown();
    }

    private void runWorker(String name) {
        try {
            startGate.await();
            lastWorkerStarted = name; // RACE
            while (true) {
                Job job = queue.take();
                if (job == POISON) {
                    break;
                }
                long r = 1;
                for (int i = 1; i <= job.input; i++) {
                    r = r * 31 + i;
                }
                job.output = r;
                job.worker = name;
                completed.incrementAndGet();
                job.done.countDown();
            }
            lastWorkerExited = name; // RACE
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Job submit(int input) {
        if (!accepting) {
            throw new IllegalStateException("shut down");
        }
        Job job = new Job();
        job.input = input;
        queue.add(job);
        return job;
    }

    void shutdown() throws InterruptedException {
        accepting = false;
        for (int i = 0; i < workers.size(); i++) {
            queue.add(POISON);
        }
        for (Thread t : workers) {
            t.join();
        }
    }

    public static void main(String[] args) throws Exception {
        WorkQueueService service = new WorkQueueService(2);
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            jobs.add(service.submit(i % 17));
        }
        long checksum = 0;
        for (Job job : jobs) {
            job.done.await();
            checksum += job.output + job.worker.length();
        }
        service.shutdown();
        long expected = 0;
        for (int i = 0; i < 200; i++) {
            long r = 1;
            for (int k = 1; k <= i % 17; k++) {
                r = r * 31 + k;
            }
            expected += r + "worker-0".length();
        }
        if (checksum != expected || service.completed.get() != 200) {
            throw new AssertionError("pool broken");
        }
    }
}
