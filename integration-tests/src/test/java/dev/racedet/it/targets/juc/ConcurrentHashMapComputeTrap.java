package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trap: {@code ConcurrentHashMap.compute} and {@code merge} are performed atomically per key; each
 * replaces the value by a new box whose plain field is computed from the previous box's field. The
 * previous box was published through the map, so reading it inside the next update is ordered.
 */
public class ConcurrentHashMapComputeTrap {
    static final class Box {
        int count;
    }

    public static void main(String[] args) throws Exception {
        ConcurrentHashMap<String, Box> map = new ConcurrentHashMap<>();
        Runnable work = () -> {
            for (int i = 0; i < 500; i++) {
                map.compute("hits", (k, old) -> {
                    Box next = new Box();
                    next.count = old == null ? 1 : old.count + 1;
                    return next;
                });
                Box one = new Box();
                one.count = 1;
                map.merge("merged", one, (old, add) -> {
                    Box next = new Box();
                    next.count = old.count + add.count;
                    return next;
                });
            }
        };
        Racers.race(work, work);
        if (map.get("hits").count != 1000 || map.get("merged").count != 1000) {
            throw new AssertionError("lost update");
        }
    }
}
