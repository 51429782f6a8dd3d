package dev.racedet.it.targets.collections;

import dev.racedet.it.targets.Racers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Trap: every thread builds and uses its own {@code HashMap}, {@code TreeMap}, {@code ArrayList},
 * {@code LinkedList}, {@code ArrayDeque}, {@code PriorityQueue} and {@code StringBuilder}
 * (thread confinement). Results reach main through an array slot per thread, read after
 * {@code join}. Same code, different instances: no shared collection, no race.
 */
public class ConfinedCollectionsTrap {
    static int work(int seed) {
        Map<Integer, Integer> hash = new HashMap<>();
        TreeMap<Integer, Integer> tree = new TreeMap<>();
        List<Integer> array = new ArrayList<>();
        LinkedList<Integer> linked = new LinkedList<>();
        ArrayDeque<Integer> deque = new ArrayDeque<>();
        PriorityQueue<Integer> heap = new PriorityQueue<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            int v = seed + i;
            hash.merge(v % 10, 1, Integer::sum);
            tree.put(v, i);
            array.add(v);
            linked.addFirst(v);
            deque.addLast(v);
            heap.add(-v);
            text.append(v % 10);
        }
        return hash.size() + tree.firstKey() + array.size() + linked.getLast() + deque.pollFirst()
                + heap.peek() + text.length();
    }

    public static void main(String[] args) throws Exception {
        int[] results = new int[2];
        Racers.race(() -> results[0] = work(0), () -> results[1] = work(1000));
        if (results[0] != work(0) || results[1] != work(1000)) {
            throw new AssertionError("confinement broken");
        }
    }
}
