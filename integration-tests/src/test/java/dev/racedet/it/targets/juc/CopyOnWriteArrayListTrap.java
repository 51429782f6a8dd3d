package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Trap: listeners registered in a {@code CopyOnWriteArrayList} and iterated by another thread.
 * Adding an element happens-before reading it from the list in another thread (the array is
 * published through a volatile write), so the listener's fields are visible to the notifier.
 */
public class CopyOnWriteArrayListTrap {
    static final class Listener {
        String name;
        int priority;
    }

    public static void main(String[] args) throws Exception {
        CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
        int[] sum = new int[1];
        Racers.race(
                () -> {
                    for (int i = 1; i <= 10; i++) {
                        Listener l = new Listener();
                        l.name = "l" + i;
                        l.priority = i;
                        listeners.add(l);
                    }
                },
                () -> {
                    while (listeners.size() < 10) {
                        Thread.onSpinWait();
                    }
                    for (Listener l : listeners) {
                        sum[0] += l.priority + l.name.length();
                    }
                });
        if (sum[0] != 55 + 21) {
            throw new AssertionError("sum " + sum[0]);
        }
    }
}
