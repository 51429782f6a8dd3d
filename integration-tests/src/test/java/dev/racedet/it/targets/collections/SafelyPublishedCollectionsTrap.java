package dev.racedet.it.targets.collections;

import dev.racedet.it.targets.Racers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trap: non-thread-safe collections handed from one thread to another. A {@code HashMap} and an
 * {@code ArrayList} are built, then published through a {@code ConcurrentHashMap}; an
 * {@code ArrayDeque} is passed through a {@code BlockingQueue} and the receiver keeps modifying it
 * (ownership moves with the hand-off). The builder never touches them after publishing.
 */
public class SafelyPublishedCollectionsTrap {
    public static void main(String[] args) throws Exception {
        ConcurrentHashMap<String, Object> registry = new ConcurrentHashMap<>();
        BlockingQueue<ArrayDeque<Integer>> handoff = new ArrayBlockingQueue<>(1);
        int[] seen = new int[1];
        Racers.race(
                Racers.unchecked(() -> {
                    Map<String, Integer> config = new HashMap<>();
                    config.put("threads", 4);
                    config.put("retries", 3);
                    List<String> hosts = new ArrayList<>(List.of("a", "b"));
                    hosts.add("c");
                    registry.put("config", config);
                    registry.put("hosts", hosts);
                    ArrayDeque<Integer> work = new ArrayDeque<>();
                    for (int i = 0; i < 10; i++) {
                        work.add(i);
                    }
                    handoff.put(work);
                }),
                Racers.unchecked(() -> {
                    ArrayDeque<Integer> work = handoff.take();
                    work.add(10);
                    int sum = 0;
                    while (!work.isEmpty()) {
                        sum += work.poll();
                    }
                    Object hosts;
                    while ((hosts = registry.get("hosts")) == null) {
                        Thread.onSpinWait();
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Integer> config = (Map<String, Integer>) registry.get("config");
                    seen[0] = sum + ((List<?>) hosts).size() + config.get("threads") + config.size();
                }));
        if (seen[0] != 55 + 3 + 4 + 2) {
            throw new AssertionError("seen " + seen[0]);
        }
    }
}
