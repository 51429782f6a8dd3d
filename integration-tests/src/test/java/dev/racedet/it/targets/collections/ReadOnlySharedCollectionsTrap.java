package dev.racedet.it.targets.collections;

import dev.racedet.it.targets.Racers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Trap: collections filled by main before the threads start and only read afterwards, by several
 * threads at once: {@code get}, {@code contains}, iteration, and the views {@code keySet()},
 * {@code values()}, {@code entrySet()}. The {@code java.util} javadoc requires external
 * synchronization only when a thread modifies the collection structurally; concurrent readers are
 * correct. (The views are cached in fields on first use, a benign race inside the JDK that must not
 * be reported.)
 */
public class ReadOnlySharedCollectionsTrap {
    public static void main(String[] args) throws Exception {
        Map<String, Integer> hash = new HashMap<>();
        TreeMap<String, Integer> tree = new TreeMap<>();
        Map<String, Integer> linked = new LinkedHashMap<>();
        Set<Integer> set = new HashSet<>();
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            hash.put("k" + i, i);
            tree.put("k" + i, i);
            linked.put("k" + i, i);
            set.add(i);
            list.add(i);
        }
        long[] sums = new long[3];
        Runnable[] readers = new Runnable[3];
        for (int r = 0; r < 3; r++) {
            int slot = r;
            readers[r] = () -> {
                long s = 0;
                for (String k : hash.keySet()) {
                    s += hash.get(k);
                }
                for (int v : tree.values()) {
                    s += v;
                }
                for (Map.Entry<String, Integer> e : linked.entrySet()) {
                    s += e.getValue();
                }
                s += set.contains(5) ? 1 : 0;
                for (int v : list) {
                    s += v;
                }
                sums[slot] = s;
            };
        }
        Racers.race(readers);
        if (sums[0] != 761 || sums[1] != 761 || sums[2] != 761) {
            throw new AssertionError("sums " + sums[0]);
        }
    }
}
