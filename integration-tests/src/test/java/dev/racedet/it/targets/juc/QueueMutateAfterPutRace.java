package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Race: the producer keeps writing a message after putting it into an {@code ArrayBlockingQueue}.
 * The queue orders the writes before {@code put} with the consumer's reads after {@code take}; the
 * write after {@code put} is unordered with the consumer's read.
 */
public class QueueMutateAfterPutRace {
    static final class Message {
        int body;
        int status;
    }

    public static void main(String[] args) throws Exception {
        ArrayBlockingQueue<Message> queue = new ArrayBlockingQueue<>(1);
        int[] seen = new int[2];
        Racers.race(
                Racers.unchecked(() -> {
                    Message m = new Message();
                    m.body = 7;
                    queue.put(m);
                    m.status = 1; // RACE
                }),
                Racers.unchecked(() -> {
                    Message m = queue.take();
                    seen[0] = m.body;
                    seen[1] = m.status; // RACE
                }));
        if (seen[0] != 7) {
            throw new AssertionError("queue broken");
        }
    }
}
