package dev.racedet.it.targets.realistic;

import dev.racedet.it.targets.Racers;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Realistic program: a job scheduler. Clients add jobs to a {@code PriorityQueue} ordered by due
 * time, guarded by a {@code ReentrantLock} with a {@code Condition} the dispatcher waits on; the
 * dispatcher hands due jobs to an executor and keeps their {@code Future}s; jobs write their result
 * into their own fields, read by main after {@code Future.get}; the running flag is
 * {@code volatile}, the fired count an {@code AtomicInteger}. All correctly synchronized.
 *
 * <p>Two bugs, real races in every run:
 * <ul>
 *   <li>the dispatcher records {@code dispatcherStartedAt} as its first action and a client reads
 *       it as its first action (a "scheduler is up" check without synchronization);</li>
 *   <li>both clients write {@code lastClientName} as their last action, after their last unlock.</li>
 * </ul>
 */
public class JobScheduler {
    static final class Job implements Comparable<Job> {
        final long due;
        final int id;
        long result;

        Job(long due, int id) {
            this.due = due;
            this.id = id;
        }

        @Override
        public int compareTo(Job other) {
            return due != other.due ? Long.compare(due, other.due) : Integer.compare(id, other.id);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Job> pending = new PriorityQueue<>();
    private final List<Future<?>> fired = new ArrayList<>();
    private final List<Job> dispatched = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final AtomicInteger firedCount = new AtomicInteger();
    private volatile boolean running = true;
    private int expectedJobs;
    private long dispatcherStartedAt;
    private String lastClientName;

    void schedule(Job job) {
        lock.lock();
        try {
            pending.add(job);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    Runnable dispatcher() {
        return Racers.unchecked(() -> {
            dispatcherStartedAt = System.nanoTime(); // RACE
            while (running) {
                lock.lock();
                try {
                    Job next = pending.peek();
                    if (next == null || next.due > System.nanoTime()) {
                        changed.await(1, TimeUnit.MILLISECONDS);
                        continue;
                    }
                    pending.poll();
                    dispatched.add(next);
                    fired.add(executor.submit(() -> next.result = (long) next.id * next.id));
                    if (firedCount.incrementAndGet() == expectedJobs) {
                        running = false;
                    }
                } finally {
                    lock.unlock();
                }
            }
        });
    }

    Runnable client(String name, int firstId, boolean[] sawDispatcher, int slot) {
        return () -> {
            long up = dispatcherStartedAt; // RACE
            sawDispatcher[slot] = up != 0;
            long now = System.nanoTime();
            for (int i = 0; i < 25; i++) {
                schedule(new Job(now + i * 10_000L, firstId + i));
            }
            lastClientName = name; // RACE
        };
    }

    public static void main(String[] args) throws Exception {
        JobScheduler scheduler = new JobScheduler();
        scheduler.expectedJobs = 50;
        boolean[] sawDispatcher = new boolean[2];
        Racers.race(scheduler.dispatcher(), scheduler.client("a", 0, sawDispatcher, 0),
                scheduler.client("b", 100, sawDispatcher, 1));
        for (Future<?> f : scheduler.fired) {
            f.get();
        }
        long sum = 0;
        for (Job job : scheduler.dispatched) {
            sum += job.result;
        }
        scheduler.executor.shutdown();
        if (!scheduler.executor.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new AssertionError("executor stuck");
        }
        if (scheduler.fired.size() != 50 || scheduler.firedCount.get() != 50 || sum != 319_800) {
            throw new AssertionError("scheduler broken");
        }
    }
}
