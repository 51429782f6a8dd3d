package dev.racedet.it.targets.libraries;

import dev.racedet.it.targets.Racers;
import org.jctools.queues.SpscArrayQueue;

/**
 * Race outside the library: the producer changes a message after offering it to a JCTools
 * {@code SpscArrayQueue}; the queue publishes only what was written before {@code offer}, so the
 * consumer's read of the later field races.
 */
public class JctoolsMutateAfterOfferRace {
    static final class Message {
        int body;
        int retries;
    }

    public static void main(String[] args) throws Exception {
        SpscArrayQueue<Message> queue = new SpscArrayQueue<>(4);
        int[] seen = new int[2];
        Racers.race(
                () -> {
                    Message m = new Message();
                    m.body = 1;
                    queue.offer(m);
                    m.retries = 3; // RACE
                },
                () -> {
                    Message m;
                    while ((m = queue.poll()) == null) {
                        Thread.onSpinWait();
                    }
                    seen[0] = m.body;
                    seen[1] = m.retries; // RACE
                });
        if (seen[0] != 1) {
            throw new AssertionError("queue broken");
        }
    }
}
