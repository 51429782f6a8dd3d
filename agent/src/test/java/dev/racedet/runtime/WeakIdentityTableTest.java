package dev.racedet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakIdentityTableTest {

    /** Equal by value, but the table must tell the two instances apart. */
    private record Key(int n) {
    }

    @Test
    void lookup_is_by_identity_not_equals() {
        WeakIdentityTable<String> table = new WeakIdentityTable<>();
        Key a = new Key(1);
        Key b = new Key(1);
        table.computeIfAbsent(a, k -> "a");
        assertEquals("a", table.get(a));
        assertNull(table.get(b));
        assertEquals("b", table.computeIfAbsent(b, k -> "b"));
    }

    @Test
    void compute_if_absent_creates_once() {
        WeakIdentityTable<Object> table = new WeakIdentityTable<>();
        Object key = new Object();
        Object first = table.computeIfAbsent(key, k -> new Object());
        assertSame(first, table.computeIfAbsent(key, k -> new Object()));
    }

    @Test
    void growth_keeps_every_live_entry() {
        WeakIdentityTable<Integer> table = new WeakIdentityTable<>();
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Object key = new Object();
            keys.add(key);
            table.computeIfAbsent(key, k -> keys.size());
        }
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(i + 1, table.get(keys.get(i)));
        }
    }

    @Test
    void collected_keys_are_dropped_on_rebuild() throws InterruptedException {
        WeakIdentityTable<Integer> table = new WeakIdentityTable<>();
        for (int i = 0; i < 5_000; i++) {
            table.computeIfAbsent(new Object(), k -> 0);
        }
        List<Object> live = new ArrayList<>();
        for (int round = 0; round < 20 && table.size() > 2_000; round++) {
            System.gc();
            Thread.sleep(20);
            for (int i = 0; i < 100; i++) {
                Object key = new Object();
                live.add(key);
                table.computeIfAbsent(key, k -> 1); // inserts trigger the rebuild
            }
        }
        assertTrue(table.size() <= 2_000 + live.size(), "collected keys were not dropped: " + table.size());
    }
}
