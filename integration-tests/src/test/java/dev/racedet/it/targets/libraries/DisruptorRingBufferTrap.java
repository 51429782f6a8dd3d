package dev.racedet.it.targets.libraries;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.concurrent.CountDownLatch;

/**
 * Trap: an LMAX Disruptor ring buffer of eight preallocated, reused events. The publisher claims a
 * slot ({@code next}), writes the event's plain fields and {@code publish}es the sequence (a
 * release); the handler thread waits for the sequence (an acquire) and reads the fields, then
 * advances its own sequence, which the publisher reads before reusing the slot. Both directions
 * are ordered, so the reused events' fields never race. The handler reports its total through a
 * {@code CountDownLatch}.
 */
public class DisruptorRingBufferTrap {
    static final class Trade {
        long price;
        int quantity;
    }

    static final class Totals implements EventHandler<Trade> {
        long value;
        int count;
        final CountDownLatch done = new CountDownLatch(1);

        @Override
        public void onEvent(Trade trade, long sequence, boolean endOfBatch) {
            value += trade.price * trade.quantity;
            if (++count == 100) {
                done.countDown();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Disruptor<Trade> disruptor = new Disruptor<>(Trade::new, 8,
                r -> new Thread(r, "handler"), ProducerType.SINGLE, new BlockingWaitStrategy());
        Totals totals = new Totals();
        disruptor.handleEventsWith(totals);
        RingBuffer<Trade> ring = disruptor.start();
        for (int i = 1; i <= 100; i++) {
            long seq = ring.next();
            Trade t = ring.get(seq);
            t.price = i;
            t.quantity = 2;
            ring.publish(seq);
        }
        totals.done.await();
        disruptor.shutdown();
        if (totals.value != 10100) {
            throw new AssertionError("value " + totals.value);
        }
    }
}
