package bench.objects;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A four-thread queue pipeline: producer, then {@link ArrayBlockingQueue}, a "parse" stage,
 * {@link LinkedBlockingQueue}, an "enrich" stage, {@link ArrayBlockingQueue}, consumer. The messages
 * are our own mutable objects ({@link Message}), written by one stage and read and rewritten by the
 * next with no lock but the queues' own: message passing, the other half of how threads share data.
 * The detector has to model every put/take pair as a hand-over; hops across threads are frequent
 * (bounded queues of 1,024 on 2 cores), so it pays that on nearly every message.
 * <p>
 * One thread per stage and FIFO queues: the consumer sees the messages in production order, so even
 * its order-dependent checksum is deterministic.
 * <p>
 * Arguments: messages (default 6,000,000), payload ints per message (default 16).
 */
public final class Pipeline {

    private static final int CAPACITY = 1024;

    private Pipeline() {
    }

    public static void main(String[] args) throws InterruptedException {
        int messages = Workload.intArg(args, 0, 6_000_000);
        int payloadLength = Workload.intArg(args, 1, 16);

        BlockingQueue<Message> parsed = new ArrayBlockingQueue<>(CAPACITY);
        BlockingQueue<Message> enriched = new LinkedBlockingQueue<>(CAPACITY);
        BlockingQueue<Message> done = new ArrayBlockingQueue<>(CAPACITY);
        long[] result = new long[1];

        Thread[] threads = {
            new Thread(() -> produce(messages, payloadLength, parsed), "producer"),
            new Thread(() -> stage("parse", parsed, enriched, Pipeline::parse), "parse"),
            new Thread(() -> stage("enrich", enriched, done, Pipeline::enrich), "enrich"),
            new Thread(() -> result[0] = consume(done), "consumer"),
        };
        for (Thread t : threads) {
            t.start();
        }
        Workload.joinAll(threads);
        Workload.printResult("pipeline", result[0]);
    }

    private interface Step {
        void apply(Message message);
    }

    private static void produce(int messages, int payloadLength, BlockingQueue<Message> out) {
        try {
            for (int i = 0; i < messages; i++) {
                Message message = new Message(i, payloadLength);
                int[] payload = message.getPayload();
                for (int j = 0; j < payload.length; j++) {
                    payload[j] = (int) (i * 31L + j * 17L);
                }
                message.visit("produce");
                out.put(message);
            }
            out.put(Message.END);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stage(String name, BlockingQueue<Message> in, BlockingQueue<Message> out, Step step) {
        try {
            while (true) {
                Message message = in.take();
                if (message == Message.END) {
                    out.put(message);
                    return;
                }
                step.apply(message);
                message.visit(name);
                out.put(message);
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checksums the payload into the digest. */
    private static void parse(Message message) {
        long digest = message.getId();
        for (int value : message.getPayload()) {
            digest = digest * 1_000_003 + value;
        }
        message.setDigest(digest);
    }

    /** Rewrites the payload in place from the digest the previous stage computed. */
    private static void enrich(Message message) {
        int[] payload = message.getPayload();
        long digest = message.getDigest();
        for (int j = 0; j < payload.length; j++) {
            payload[j] ^= (int) (digest >>> (j % 32));
        }
        message.setDigest(digest ^ payload[0]);
    }

    private static long consume(BlockingQueue<Message> in) {
        long checksum = Workload.seed();
        try {
            while (true) {
                Message message = in.take();
                if (message == Message.END) {
                    return checksum;
                }
                checksum = Workload.mix(checksum, message.getDigest());
                checksum = Workload.mix(checksum, message.getPayload()[message.getPayload().length - 1]);
                checksum = Workload.mix(checksum, message.getHops() * 131L + message.getRoute().length());
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
