package sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void adds_values_from_pool_tasks() throws Exception {
        Stats stats = new Stats();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> stats.add(1));
            Future<?> b = pool.submit(() -> stats.add(2));
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        assertTrue(stats.total() >= 1);
    }
}
