package dev.racedet.it.targets.libraries;

import dev.racedet.it.targets.Racers;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * Trap: JCTools lock-free queues used as documented: an {@code MpscArrayQueue} with two producers
 * and one consumer, and an {@code SpscArrayQueue} with one of each. JCTools publishes each element
 * with an ordered (release) store of the slot after the producer filled the element, and the
 * consumer loads the slot with acquire semantics, so the message fields written before
 * {@code offer} are visible after {@code poll}. The queues are small, so producers wrap around and
 * wait for the consumer (which also tests the consumer → producer edge on slot reuse).
 */
public class JctoolsQueuesTrap {
    static final class Message {
        int producer;
        int seq;
    }

    public static void main(String[] args) throws Exception {
        MpscArrayQueue<Message> many = new MpscArrayQueue<>(8);
        SpscArrayQueue<Message> single = new SpscArrayQueue<>(8);
        long[] sums = new long[2];
        Runnable[] producers = new Runnable[2];
        for (int p = 0; p < 2; p++) {
            int id = p + 1;
            producers[p] = () -> {
                for (int i = 0; i < 200; i++) {
                    Message m = new Message();
                    m.producer = id;
                    m.seq = i;
                    while (!many.offer(m)) {
                        Thread.onSpinWait();
                    }
                }
            };
        }
        Racers.race(producers[0], producers[1], () -> {
            for (int taken = 0; taken < 400; ) {
                Message m = many.poll();
                if (m == null) {
                    Thread.onSpinWait();
                    continue;
                }
                sums[0] += m.producer + m.seq;
                taken++;
            }
        }, () -> {
            for (int i = 0; i < 200; i++) {
                Message m = new Message();
                m.seq = i;
                while (!single.offer(m)) {
                    Thread.onSpinWait();
                }
            }
        }, () -> {
            for (int taken = 0; taken < 200; ) {
                Message m = single.poll();
                if (m == null) {
                    Thread.onSpinWait();
                    continue;
                }
                sums[1] += m.seq;
                taken++;
            }
        });
        if (sums[0] != 600 + 2 * 19900 || sums[1] != 19900) {
            throw new AssertionError("sums " + sums[0] + " " + sums[1]);
        }
    }
}
