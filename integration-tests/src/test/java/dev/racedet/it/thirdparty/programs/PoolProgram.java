package dev.racedet.it.thirdparty.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;

/**
 * A real library's workload, no test framework: four workers borrow connections from a commons-pool2
 * {@code GenericObjectPool} (two connections for four workers, so they are handed from worker to
 * worker), use them and give them back. Trap: {@code Conn.uses} and {@code Conn.lastUser} are only
 * touched while the connection is borrowed; the pool's own lock and condition (in its
 * {@code LinkedBlockingDeque}) order every hand-off. Race: {@code Stats.started}, written by every
 * worker first thing, before it touches the pool.
 */
public final class PoolProgram {
    private static final int WORKERS = 4;
    private static final int ROUNDS = 2_000;

    static final class Conn {
        int uses;
        String lastUser = "nobody";
    }

    static final class Stats {
        int started;
    }

    /** Creates connections and remembers them, under its monitor, for the final count. */
    static final class Factory extends BasePooledObjectFactory<Conn> {
        private final List<Conn> created = new ArrayList<>();

        @Override
        public synchronized Conn create() {
            Conn conn = new Conn();
            created.add(conn);
            return conn;
        }

        @Override
        public PooledObject<Conn> wrap(Conn conn) {
            return new DefaultPooledObject<>(conn);
        }

        synchronized List<Conn> created() {
            return new ArrayList<>(created);
        }
    }

    public static void main(String[] args) throws Exception {
        Factory factory = new Factory();
        Stats stats = new Stats();
        CountDownLatch gate = new CountDownLatch(1);
        Thread[] workers = new Thread[WORKERS];
        try (GenericObjectPool<Conn> pool = new GenericObjectPool<>(factory)) {
            pool.setMaxTotal(2);
            for (int w = 0; w < WORKERS; w++) {
                String name = "worker-" + (w + 1);
                workers[w] = new Thread(() -> work(pool, stats, gate, name), name);
                workers[w].start();
            }
            gate.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
        }
        int uses = 0;
        for (Conn conn : factory.created()) {
            uses += conn.uses;
        }
        System.out.println("uses " + uses);
    }

    private static void work(GenericObjectPool<Conn> pool, Stats stats, CountDownLatch gate, String name) {
        try {
            gate.await();
            stats.started++; // RACE
            for (int i = 0; i < ROUNDS; i++) {
                Conn conn = pool.borrowObject();
                conn.uses++;
                conn.lastUser = name;
                pool.returnObject(conn);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
