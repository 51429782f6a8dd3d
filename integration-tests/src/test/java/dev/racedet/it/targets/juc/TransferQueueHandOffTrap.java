package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.LinkedTransferQueue;

/**
 * Trap: every message handed over with {@code LinkedTransferQueue.transfer} and {@code take}, the
 * producer often ahead of the consumer. The transfer happens-before the take that returns its
 * message, so the consumer sees the message fields the producer wrote.
 *
 * <p>On JDK 25 the queue writes a node's {@code item} plainly in its constructor and publishes the
 * node with a CAS on the predecessor's plain {@code next}; the consumer finds it through that plain
 * field and matches with a CAS on {@code item}. racedet orders them because a plain reference store
 * is published by the writer's next release ({@code PlainWrites}); without that rule nearly every
 * run on JDK 25 reports the message fields.
 */
public class TransferQueueHandOffTrap {
    static final class Message {
        int seq;
        long payload;
    }

    public static void main(String[] args) throws Exception {
        LinkedTransferQueue<Message> queue = new LinkedTransferQueue<>();
        long[] sum = new long[1];
        Racers.race(
                Racers.unchecked(() -> {
                    for (int i = 1; i <= 200; i++) {
                        Message m = new Message();
                        m.seq = i;
                        m.payload = i * 10L;
                        queue.transfer(m);
                    }
                }),
                Racers.unchecked(() -> {
                    for (int i = 1; i <= 200; i++) {
                        Message m = queue.take();
                        sum[0] += m.seq + m.payload;
                    }
                }));
        if (sum[0] != 11L * 200 * 201 / 2) {
            throw new AssertionError("sum " + sum[0]);
        }
    }
}
