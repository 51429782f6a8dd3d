package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;

/**
 * Trap: producer/consumer through {@code ArrayBlockingQueue}, {@code LinkedBlockingQueue} and
 * {@code LinkedTransferQueue} (with {@code put} and {@code transfer}). Insertion happens-before
 * removal of the same element, so the consumer sees the message fields the producer wrote.
 */
public class BlockingQueuesTrap {
    static final class Message {
        int seq;
        long payload;
    }

    public static void main(String[] args) throws Exception {
        LinkedTransferQueue<Message> transfer = new LinkedTransferQueue<>();
        List<BlockingQueue<Message>> queues = List.of(new ArrayBlockingQueue<>(4), new LinkedBlockingQueue<>(), transfer);
        long[] sum = new long[1];
        Racers.race(
                Racers.unchecked(() -> {
                    for (BlockingQueue<Message> q : queues) {
                        for (int i = 1; i <= 30; i++) {
                            Message m = new Message();
                            m.seq = i;
                            m.payload = i * 10L;
                            if (q == transfer && i % 2 == 0) {
                                transfer.transfer(m);
                            } else {
                                q.put(m);
                            }
                        }
                    }
                }),
                Racers.unchecked(() -> {
                    for (BlockingQueue<Message> q : queues) {
                        for (int i = 1; i <= 30; i++) {
                            Message m = q.take();
                            sum[0] += m.seq + m.payload;
                        }
                    }
                }));
        if (sum[0] != 3 * (465 + 4650)) {
            throw new AssertionError("sum " + sum[0]);
        }
    }
}
