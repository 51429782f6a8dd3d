package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * Trap: a {@code DelayQueue} of already expired jobs. {@code put} happens-before the {@code take}
 * that removes the element, so the job's fields written before {@code put} are visible to the taker.
 * The delay values are fixed at construction and only read by the queue.
 */
public class DelayQueueTrap {
    static final class Job implements Delayed {
        private final long dueNanos;
        int id;
        String name;

        Job(long dueNanos) {
            this.dueNanos = dueNanos;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Job) other).dueNanos);
        }
    }

    public static void main(String[] args) throws Exception {
        DelayQueue<Job> queue = new DelayQueue<>();
        int[] sum = new int[1];
        Racers.race(
                () -> {
                    long now = System.nanoTime();
                    for (int i = 1; i <= 20; i++) {
                        Job job = new Job(now - i);
                        job.id = i;
                        job.name = "job";
                        queue.put(job);
                    }
                },
                Racers.unchecked(() -> {
                    for (int i = 1; i <= 20; i++) {
                        Job job = queue.take();
                        sum[0] += job.id + job.name.length();
                    }
                }));
        if (sum[0] != 210 + 60) {
            throw new AssertionError("sum " + sum[0]);
        }
    }
}
