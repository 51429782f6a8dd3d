package dev.racedet.it.targets.libraries;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import dev.racedet.it.targets.Racers;
import java.util.concurrent.CountDownLatch;

/**
 * Race outside the library: the handler keeps a plain statistics field that a monitoring thread
 * reads directly, without going through the Disruptor or any other synchronization. The ring
 * buffer orders publisher and handler; the monitor is ordered with neither.
 */
public class DisruptorHandlerStatsRace {
    static final class Tick {
        long value;
    }

    static final class Stats implements EventHandler<Tick> {
        long last;
        final CountDownLatch done = new CountDownLatch(10);

        @Override
        public void onEvent(Tick tick, long sequence, boolean endOfBatch) {
            last = tick.value; // RACE
            done.countDown();
        }
    }

    public static void main(String[] args) throws Exception {
        Disruptor<Tick> disruptor = new Disruptor<>(Tick::new, 16,
                r -> new Thread(r, "handler"), ProducerType.SINGLE, new BlockingWaitStrategy());
        Stats stats = new Stats();
        disruptor.handleEventsWith(stats);
        RingBuffer<Tick> ring = disruptor.start();
        long[] seen = new long[1];
        Racers.race(
                Racers.unchecked(() -> {
                    for (int i = 1; i <= 10; i++) {
                        long seq = ring.next();
                        ring.get(seq).value = i;
                        ring.publish(seq);
                    }
                    stats.done.await();
                }),
                () -> seen[0] = stats.last); // RACE
        disruptor.shutdown();
    }
}
