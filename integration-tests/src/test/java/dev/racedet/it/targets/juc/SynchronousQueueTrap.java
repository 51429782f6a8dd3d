package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.SynchronousQueue;

/**
 * Trap: hand-off through a {@code SynchronousQueue}. Actions before placing an object into a
 * concurrent collection happen-before actions after its removal in another thread. The producer
 * fills each order's fields before {@code put}; the consumer reads them after {@code take}.
 */
public class SynchronousQueueTrap {
    static final class Order {
        int id;
        String item;
    }

    public static void main(String[] args) throws Exception {
        SynchronousQueue<Order> handoff = new SynchronousQueue<>();
        int[] sum = new int[1];
        Racers.race(
                Racers.unchecked(() -> {
                    for (int i = 1; i <= 50; i++) {
                        Order o = new Order();
                        o.id = i;
                        o.item = "item";
                        handoff.put(o);
                    }
                }),
                Racers.unchecked(() -> {
                    for (int i = 1; i <= 50; i++) {
                        Order o = handoff.take();
                        sum[0] += o.id + o.item.length();
                    }
                }));
        if (sum[0] != 1275 + 200) {
            throw new AssertionError("sum " + sum[0]);
        }
    }
}
