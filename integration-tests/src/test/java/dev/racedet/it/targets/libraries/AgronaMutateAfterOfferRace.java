package dev.racedet.it.targets.libraries;

import dev.racedet.it.targets.Racers;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

/**
 * Race outside the library: a producer modifies an order after offering it to Agrona's
 * {@code ManyToOneConcurrentArrayQueue}; the consumer's read of that field races with the write.
 */
public class AgronaMutateAfterOfferRace {
    static final class Order {
        int id;
        boolean urgent;
    }

    public static void main(String[] args) throws Exception {
        ManyToOneConcurrentArrayQueue<Order> queue = new ManyToOneConcurrentArrayQueue<>(4);
        boolean[] seen = new boolean[1];
        int[] ids = new int[1];
        Racers.race(
                () -> {
                    Order o = new Order();
                    o.id = 4;
                    queue.offer(o);
                    o.urgent = true; // RACE
                },
                () -> {
                    Order o;
                    while ((o = queue.poll()) == null) {
                        Thread.onSpinWait();
                    }
                    ids[0] = o.id;
                    seen[0] = o.urgent; // RACE
                });
        if (ids[0] != 4) {
            throw new AssertionError("queue broken");
        }
    }
}
