package dev.racedet.runtime;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * Maps objects, by identity, to values without keeping the objects alive. Lookups take no lock,
 * allocate nothing and run no JDK code but {@code Reference.get} (racedet instruments the JDK's
 * atomics, whose hooks would cost every lookup): bucket chains are immutable and read through a plain
 * array behind a volatile reference. A lookup that reads an entry by a data race and sees its key
 * cleared or missing takes the insertion path, which looks again under this table's lock, where every
 * entry is seen as made. Entries of collected keys are dropped when the table is rebuilt.
 *
 * <p>Never calls the key's {@code hashCode}/{@code equals} (keys are application objects: threads,
 * locks, class loaders); a factory must not call application code either.
 *
 * @param <V> the value type; the caller guarantees a value does not strongly reference its key
 */
public final class WeakIdentityTable<V> {
    private static final class Entry<V> extends WeakReference<Object> {
        final int hash;
        final V value;
        final Entry<V> next;

        Entry(Object key, int hash, V value, Entry<V> next, ReferenceQueue<Object> queue) {
            super(key, queue);
            this.hash = hash;
            this.value = value;
            this.next = next;
        }
    }

    /** Creates the value for a key that has none yet. */
    public interface Factory<V> {
        V create(Object key);
    }

    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private volatile Entry<?>[] buckets = new Entry<?>[1024];
    private int entries;
    /** Entries whose keys were collected, as counted from the queue since the last rebuild. */
    private int collectedEntries;

    /** The value mapped to {@code key}, or {@code null}. */
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        Entry<?>[] b = buckets;
        int hash = System.identityHashCode(key);
        for (Entry<V> e = (Entry<V>) b[hash & (b.length - 1)]; e != null; e = e.next) {
            if (e.get() == key) {
                return e.value;
            }
        }
        return null;
    }

    /**
     * The value mapped to {@code key}, created by {@code factory} if there is none. The factory runs
     * outside this table's lock (a value created by a thread that loses the race is dropped): it may
     * run JDK code that takes JDK locks, and a thread holding such a lock may be waiting for this
     * table inside a hook.
     */
    public V computeIfAbsent(Object key, Factory<V> factory) {
        V value = get(key);
        return value != null ? value : insert(key, factory.create(key));
    }

    private synchronized V insert(Object key, V created) {
        V value = get(key);
        if (value != null) {
            return value;
        }
        while (collected.poll() != null) {
            collectedEntries++;
        }
        // Rebuild (a full copy) only once a good share of the entries is dead, or the table is full:
        // rebuilding at every collected key made short-lived keys (queue nodes) cost a copy each.
        if (collectedEntries > entries / 4 + 64 || entries >= buckets.length * 3 / 4) {
            rebuild();
        }
        value = created;
        Entry<?>[] b = buckets;
        int hash = System.identityHashCode(key);
        int index = hash & (b.length - 1);
        b[index] = new Entry<>(key, hash, value, entry(b, index), collected);
        entries++;
        return value;
    }

    /** Copies the live entries into a fresh array, doubled when more than half of it is live. */
    private void rebuild() {
        while (collected.poll() != null) {
            // drained: the rebuild below drops every collected entry, queued or not
        }
        Entry<?>[] old = buckets;
        int live = 0;
        for (int i = 0; i < old.length; i++) {
            for (Entry<V> e = entry(old, i); e != null; e = e.next) {
                if (e.get() != null) {
                    live++;
                }
            }
        }
        int size = live >= old.length / 2 ? old.length * 2 : old.length;
        Entry<?>[] fresh = new Entry<?>[size];
        for (int i = 0; i < old.length; i++) {
            for (Entry<V> e = entry(old, i); e != null; e = e.next) {
                Object key = e.get();
                if (key != null) {
                    int index = e.hash & (size - 1);
                    fresh[index] = new Entry<>(key, e.hash, e.value, entry(fresh, index), collected);
                }
            }
        }
        entries = live;
        collectedEntries = 0;
        buckets = fresh;
    }

    @SuppressWarnings("unchecked")
    private Entry<V> entry(Entry<?>[] b, int index) {
        return (Entry<V>) b[index];
    }

    /** Number of entries, collected keys included until the next rebuild. */
    synchronized int size() {
        return entries;
    }
}
