package dev.racedet.it.targets.collections;

import dev.racedet.it.targets.Racers;
import java.util.LinkedList;
import java.util.List;

/**
 * Race: two threads call {@code LinkedList.add} on one shared instance without synchronization.
 * LinkedList is not thread-safe: each call reads and writes its internal fields (size, modCount, the
 * backing storage), so the two calls conflict inside the JDK. The race is reported at the
 * application lines that made the calls. Each thread calls once; should the unordered calls leave
 * the structure inconsistent enough to throw, the exception is tolerated (the race happened).
 */
public class LinkedListAddRace {
    private static void tolerate(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException corrupted) {
            // the unordered calls broke the structure; the race is what this program is about
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> shared = new LinkedList<>();
        Racers.race(
                () -> tolerate(() -> shared.add(1)), // RACE
                () -> tolerate(() -> shared.add(2))); // RACE
    }
}
