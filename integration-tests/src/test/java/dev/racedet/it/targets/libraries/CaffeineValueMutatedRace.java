package dev.racedet.it.targets.libraries;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.racedet.it.targets.Racers;

/**
 * Race outside the library: a value is mutated after being put into a Caffeine {@code Cache}.
 * The cache publishes the value's state as of {@code put}; the reader's read of the field written
 * afterwards is unordered with that write.
 */
public class CaffeineValueMutatedRace {
    static final class Product {
        String name;
        long stock;
    }

    public static void main(String[] args) throws Exception {
        Cache<String, Product> cache = Caffeine.newBuilder().maximumSize(10).executor(Runnable::run).build();
        long[] seen = new long[2];
        Racers.race(
                () -> {
                    Product p = new Product();
                    p.name = "pen";
                    cache.put("pen", p);
                    p.stock = 12; // RACE
                },
                () -> {
                    Product p;
                    while ((p = cache.getIfPresent("pen")) == null) {
                        Thread.onSpinWait();
                    }
                    seen[0] = p.name.length();
                    seen[1] = p.stock; // RACE
                });
        if (seen[0] != 3) {
            throw new AssertionError("cache broken");
        }
    }
}
