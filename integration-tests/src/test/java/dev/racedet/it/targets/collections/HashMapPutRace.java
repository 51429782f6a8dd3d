package dev.racedet.it.targets.collections;

import dev.racedet.it.targets.Racers;
import java.util.HashMap;
import java.util.Map;

/**
 * Race: two threads call {@code HashMap.put} on one shared instance without synchronization.
 * HashMap is not thread-safe: each call reads and writes its internal fields (size, modCount, the
 * backing storage), so the two calls conflict inside the JDK. The race is reported at the
 * application lines that made the calls. Each thread calls once; should the unordered calls leave
 * the structure inconsistent enough to throw, the exception is tolerated (the race happened).
 */
public class HashMapPutRace {
    private static void tolerate(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException corrupted) {
            // the unordered calls broke the structure; the race is what this program is about
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> shared = new HashMap<>();
        Racers.race(
                () -> tolerate(() -> shared.put("a", 1)), // RACE
                () -> tolerate(() -> shared.put("b", 2))); // RACE
    }
}
