package dev.racedet.it.targets.libraries;

import dev.racedet.it.targets.Racers;
import java.nio.ByteBuffer;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * Trap: Agrona's {@code ManyToOneConcurrentArrayQueue} (objects, two producers) and
 * {@code OneToOneRingBuffer} (bytes: each message carries the index of an order in a shared array,
 * whose fields the writer filled before writing the message). Agrona publishes a queue slot and a
 * ring-buffer record length with ordered (release) stores and reads them with volatile loads, so
 * what the writers did before {@code offer}/{@code write} is visible to the reader afterwards.
 */
public class AgronaQueuesTrap {
    static final class Order {
        int id;
        long amount;
    }

    public static void main(String[] args) throws Exception {
        ManyToOneConcurrentArrayQueue<Order> queue = new ManyToOneConcurrentArrayQueue<>(16);
        OneToOneRingBuffer ring = new OneToOneRingBuffer(
                new UnsafeBuffer(ByteBuffer.allocateDirect(1024 + RingBufferDescriptor.TRAILER_LENGTH)));
        Order[] orders = new Order[50];
        long[] sums = new long[2];
        Runnable[] producers = new Runnable[2];
        for (int p = 0; p < 2; p++) {
            int base = p * 100;
            producers[p] = () -> {
                for (int i = 0; i < 100; i++) {
                    Order o = new Order();
                    o.id = base + i;
                    o.amount = 1;
                    while (!queue.offer(o)) {
                        Thread.onSpinWait();
                    }
                }
            };
        }
        Racers.race(producers[0], producers[1], () -> {
            for (int taken = 0; taken < 200; ) {
                Order o = queue.poll();
                if (o == null) {
                    Thread.onSpinWait();
                    continue;
                }
                sums[0] += o.id + o.amount;
                taken++;
            }
        }, () -> {
            UnsafeBuffer message = new UnsafeBuffer(new byte[8]);
            for (int i = 0; i < orders.length; i++) {
                Order o = new Order();
                o.id = i;
                o.amount = i * 2L;
                orders[i] = o;
                message.putInt(0, i);
                while (!ring.write(1, message, 0, 4)) {
                    Thread.onSpinWait();
                }
            }
        }, () -> {
            int[] read = new int[1];
            while (read[0] < orders.length) {
                int n = ring.read((type, buffer, offset, length) -> {
                    Order o = orders[buffer.getInt(offset)];
                    sums[1] += o.id + o.amount;
                    read[0]++;
                });
                if (n == 0) {
                    Thread.onSpinWait();
                }
            }
        });
        if (sums[0] != 19900 + 200 || sums[1] != 3 * 1225) {
            throw new AssertionError("sums " + sums[0] + " " + sums[1]);
        }
    }
}
