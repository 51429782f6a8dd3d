package dev.racedet.it.targets.collections;

import dev.racedet.it.targets.Racers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Trap: shared non-thread-safe collections, every access made while holding one lock (a monitor
 * for some, a {@code ReentrantLock} for the others). The lock orders all calls into each
 * collection, so their internal fields are never accessed concurrently.
 */
public class LockedCollectionsTrap {
    private final Object monitor = new Object();
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Integer, Integer> hash = new HashMap<>();
    private final TreeMap<Integer, Integer> tree = new TreeMap<>();
    private final Map<Integer, Integer> linkedHash = new LinkedHashMap<>();
    private final Set<Integer> set = new HashSet<>();
    private final List<Integer> array = new ArrayList<>();
    private final LinkedList<Integer> linked = new LinkedList<>();
    private final ArrayDeque<Integer> deque = new ArrayDeque<>();
    private final PriorityQueue<Integer> heap = new PriorityQueue<>();
    private final StringBuilder text = new StringBuilder();

    void record(int v) {
        synchronized (monitor) {
            hash.merge(v % 7, 1, Integer::sum);
            tree.put(v, v);
            linkedHash.put(v, v);
            set.add(v % 13);
        }
        lock.lock();
        try {
            array.add(v);
            linked.add(v);
            deque.offerLast(v);
            heap.add(v);
            text.append('.');
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        LockedCollectionsTrap state = new LockedCollectionsTrap();
        Racers.race(() -> {
            for (int i = 0; i < 300; i += 2) {
                state.record(i);
            }
        }, () -> {
            for (int i = 1; i < 300; i += 2) {
                state.record(i);
            }
        });
        if (state.tree.size() != 300 || state.array.size() != 300 || state.text.length() != 300
                || state.heap.peek() != 0 || state.set.size() != 13 || state.linkedHash.size() != 300) {
            throw new AssertionError("lock broken");
        }
    }
}
