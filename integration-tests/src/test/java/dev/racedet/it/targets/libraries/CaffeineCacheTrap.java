package dev.racedet.it.targets.libraries;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.racedet.it.targets.Racers;

/**
 * Trap: Caffeine caches shared between threads. A {@code Cache}: one thread builds values and
 * {@code put}s them, another polls {@code getIfPresent} until it finds them and reads their fields
 * (Caffeine stores entries in a {@code ConcurrentHashMap} and values with release/acquire
 * accesses, so a put happens-before a get that returns it). A {@code LoadingCache}: both threads
 * {@code get} the same keys; the loader runs once per key inside the map's compute and the value
 * it builds is published to both. Maintenance runs on the calling threads (direct executor), so
 * only the two racers touch the caches.
 */
public class CaffeineCacheTrap {
    static final class Product {
        String name;
        long price;
    }

    public static void main(String[] args) throws Exception {
        Cache<Integer, Product> cache = Caffeine.newBuilder().maximumSize(1000).executor(Runnable::run).build();
        LoadingCache<Integer, Product> loading = Caffeine.newBuilder().maximumSize(1000).executor(Runnable::run)
                .build(id -> {
                    Product p = new Product();
                    p.name = "p" + id;
                    p.price = id * 10L;
                    return p;
                });
        long[] sums = new long[3];
        Racers.race(
                () -> {
                    for (int i = 0; i < 100; i++) {
                        Product p = new Product();
                        p.name = "item";
                        p.price = i;
                        cache.put(i, p);
                    }
                    for (int i = 0; i < 50; i++) {
                        sums[1] += loading.get(i).price;
                    }
                },
                () -> {
                    for (int i = 0; i < 100; i++) {
                        Product p;
                        while ((p = cache.getIfPresent(i)) == null) {
                            Thread.onSpinWait();
                        }
                        sums[0] += p.price + p.name.length();
                    }
                    for (int i = 49; i >= 0; i--) {
                        sums[2] += loading.get(i).price + loading.get(i).name.length() * 0L;
                    }
                });
        if (sums[0] != 4950 + 400 || sums[1] != 12250 || sums[2] != 12250) {
            throw new AssertionError("sums " + sums[0] + " " + sums[1] + " " + sums[2]);
        }
    }
}
