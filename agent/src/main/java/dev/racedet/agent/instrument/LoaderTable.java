package dev.racedet.agent.instrument;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.function.Supplier;

/**
 * Per class loader values, by identity, without keeping loaders alive. Never calls the loader's
 * {@code hashCode}/{@code equals} (a loader is application code). Used at class load time only, so a
 * lock is fine; the caller must not call loader code from {@code factory}.
 *
 * @param <V> the value type; values must not strongly reference their loader
 */
final class LoaderTable<V> {
    private static final class Entry<V> extends WeakReference<ClassLoader> {
        final int hash;
        final V value;
        Entry<V> next;

        Entry(ClassLoader loader, V value, Entry<V> next, ReferenceQueue<ClassLoader> queue) {
            super(loader, queue);
            this.hash = System.identityHashCode(loader);
            this.value = value;
            this.next = next;
        }
    }

    private final ReferenceQueue<ClassLoader> collected = new ReferenceQueue<>();
    private Entry<V>[] buckets = newBuckets(64);
    private int size;

    /** The value of {@code loader}, created by {@code factory} on first use. */
    synchronized V get(ClassLoader loader, Supplier<V> factory) {
        int hash = System.identityHashCode(loader);
        for (Entry<V> e = buckets[index(hash)]; e != null; e = e.next) {
            if (e.get() == loader) {
                return e.value;
            }
        }
        dropCollected();
        if (size >= buckets.length) {
            rehash();
        }
        V value = factory.get();
        int i = index(hash);
        buckets[i] = new Entry<>(loader, value, buckets[i], collected);
        size++;
        return value;
    }

    private int index(int hash) {
        return (hash ^ hash >>> 16) & (buckets.length - 1);
    }

    private void dropCollected() {
        while (collected.poll() != null) {
            rebuild(buckets.length);
        }
    }

    private void rehash() {
        rebuild(buckets.length * 2);
    }

    private void rebuild(int capacity) {
        Entry<V>[] old = buckets;
        buckets = newBuckets(capacity);
        size = 0;
        for (Entry<V> head : old) {
            for (Entry<V> e = head; e != null; e = e.next) {
                ClassLoader loader = e.get();
                if (loader != null) {
                    int i = index(e.hash);
                    buckets[i] = new Entry<>(loader, e.value, buckets[i], collected);
                    size++;
                }
            }
        }
        while (collected.poll() != null) {
            // the old entries are gone; their queue notices are no longer needed
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> Entry<V>[] newBuckets(int capacity) {
        return (Entry<V>[]) new Entry<?>[capacity];
    }
}
