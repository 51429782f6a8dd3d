package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Trap: a lock-free {@code ConcurrentLinkedQueue} between two producers and a polling consumer.
 * Offering an element happens-before polling it in another thread (CAS publication of the node).
 */
public class ConcurrentLinkedQueueTrap {
    static final class Event {
        int source;
        int value;
    }

    public static void main(String[] args) throws Exception {
        ConcurrentLinkedQueue<Event> queue = new ConcurrentLinkedQueue<>();
        int[] sum = new int[1];
        Runnable[] producers = new Runnable[2];
        for (int p = 0; p < 2; p++) {
            int source = p + 1;
            producers[p] = () -> {
                for (int i = 0; i < 100; i++) {
                    Event e = new Event();
                    e.source = source;
                    e.value = i;
                    queue.offer(e);
                }
            };
        }
        Racers.race(producers[0], producers[1], () -> {
            int taken = 0;
            while (taken < 200) {
                Event e = queue.poll();
                if (e == null) {
                    Thread.onSpinWait();
                    continue;
                }
                sum[0] += e.source + e.value;
                taken++;
            }
        });
        if (sum[0] != 300 + 2 * 4950) {
            throw new AssertionError("sum " + sum[0]);
        }
    }
}
