package dev.racedet.it.targets.jdkmonitors;

import dev.racedet.it.targets.Racers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Trap: {@code Collections.synchronizedList} shared by two writers and a reader that iterates
 * while holding the list's monitor, as its javadoc requires. The JDK's monitor orders every
 * access to the wrapped {@code ArrayList} and publishes the elements' fields.
 */
public class SynchronizedListTrap {
    static final class Entry {
        int value;
    }

    public static void main(String[] args) throws Exception {
        List<Entry> log = Collections.synchronizedList(new ArrayList<>());
        int[] seen = new int[1];
        Runnable writer = () -> {
            for (int i = 0; i < 100; i++) {
                Entry e = new Entry();
                e.value = 1;
                log.add(e);
            }
        };
        Racers.race(writer, writer, () -> {
            int total = 0;
            while (total < 200) {
                total = 0;
                synchronized (log) {
                    for (Entry e : log) {
                        total += e.value;
                    }
                }
            }
            seen[0] = total;
        });
        if (seen[0] != 200) {
            throw new AssertionError("list broken");
        }
    }
}
