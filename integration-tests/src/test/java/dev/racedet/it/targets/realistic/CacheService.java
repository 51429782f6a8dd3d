package dev.racedet.it.targets.realistic;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Realistic program: a read-through cache in front of a slow "database". Concurrent misses for one
 * key share a single load ({@code ConcurrentHashMap.computeIfAbsent} of a {@code CompletableFuture}
 * completed by a loader pool); values are immutable after the load completes. The configuration is
 * guarded by a {@code ReentrantReadWriteLock}, hit/miss counters are {@code AtomicLong}s, the closed
 * flag is {@code volatile}. All of that is correctly synchronized.
 *
 * <p>Two bugs, real races in every run:
 * <ul>
 *   <li>{@code warmedUp} is set by the warm-up thread as its first action and read by a client as
 *       its first action, with nothing in between;</li>
 *   <li>{@code lastClientDone} is written by both clients as their last action.</li>
 * </ul>
 */
public class CacheService {
    static final class Row {
        String key;
        String value;
        long loadedBy;
    }

    static final class Config {
        int ttlSeconds = 60;
        String source = "db";
    }

    private final ConcurrentHashMap<String, CompletableFuture<Row>> entries = new ConcurrentHashMap<>();
    private final ExecutorService loaders = Executors.newFixedThreadPool(2);
    private final ReentrantReadWriteLock configLock = new ReentrantReadWriteLock();
    private final Config config = new Config();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong loads = new AtomicLong();
    private volatile boolean closed;
    private boolean warmedUp;
    private String lastClientDone;

    Row load(String key) {
        loads.incrementAndGet();
        Row row = new Row();
        row.key = key;
        configLock.readLock().lock();
        try {
            row.value = config.source + ":" + key;
        } finally {
            configLock.readLock().unlock();
        }
        row.loadedBy = Thread.currentThread().getId();
        return row;
    }

    Row get(String key) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        boolean[] created = new boolean[1];
        CompletableFuture<Row> future = entries.computeIfAbsent(key, k -> {
            created[0] = true;
            return CompletableFuture.supplyAsync(() -> load(k), loaders);
        });
        (created[0] ? misses : hits).incrementAndGet();
        return future.join();
    }

    void reconfigure(String source, int ttl) {
        configLock.writeLock().lock();
        try {
            config.source = source;
            config.ttlSeconds = ttl;
        } finally {
            configLock.writeLock().unlock();
        }
    }

    int ttl() {
        configLock.readLock().lock();
        try {
            return config.ttlSeconds;
        } finally {
            configLock.readLock().unlock();
        }
    }

    void close() {
        closed = true;
        loaders.shutdown();
    }

    Runnable warmUp() {
        return () -> {
            warmedUp = true; // RACE
            for (int i = 0; i < 10; i++) {
                get("hot" + i);
            }
            reconfigure("db", 120);
        };
    }

    Runnable client(String name, int[] checksum, int slot) {
        return () -> {
            boolean warm = warmedUp; // RACE
            int sum = warm ? 1 : 0;
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 20; i++) {
                    Row row = get((i % 2 == 0 ? "hot" : "cold") + (i / 2));
                    sum += row.value.length() + row.key.length();
                }
                sum += ttl() > 0 ? 0 : 1000;
            }
            checksum[slot] = sum - (warm ? 1 : 0);
            lastClientDone = name; // RACE
        };
    }

    public static void main(String[] args) throws Exception {
        CacheService cache = new CacheService();
        int[] checksums = new int[2];
        Racers.race(cache.warmUp(), cache.client("c1", checksums, 0), cache.client("c2", checksums, 1));
        cache.close();
        long keys = cache.entries.size();
        if (checksums[0] != checksums[1] || keys != 20 || cache.loads.get() != 20
                || cache.hits.get() + cache.misses.get() != 130) {
            throw new AssertionError("cache broken: " + keys + " " + cache.loads.get());
        }
    }
}
