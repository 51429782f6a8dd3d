package bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Single-threaded cost of the access kinds racedet instruments, in nanoseconds per operation, one
 * {@code name<TAB>ns} line per scenario. Run it
 * with and without the agent (bench/access-cost.sh does both) and compare. Each scenario runs twice,
 * the first run warms up the JIT; the second is printed. The {@code java.util.concurrent} scenarios
 * measure synchronization implemented inside the JDK, which racedet models where it is implemented.
 */
public final class AccessCost {
    private static final int N = 50_000_000;

    private int own;
    private volatile int flag;
    private static int staticCount;

    static final class Holder {
        int value;
    }

    static final class Node {
        int payload;
    }

    private final Holder holder = new Holder();
    private final ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong atomic = new AtomicLong();
    private long sink;

    private void ownField() {
        for (int i = 0; i < N; i++) {
            own++;
        }
    }

    private void foreignField() {
        Holder h = holder;
        for (int i = 0; i < N; i++) {
            h.value++;
        }
    }

    private static void staticField() {
        for (int i = 0; i < N; i++) {
            staticCount++;
        }
    }

    private synchronized void lockedIncrement() {
        own++;
    }

    private void synchronizedMethod() {
        for (int i = 0; i < N / 10; i++) {
            lockedIncrement();
        }
    }

    private void lockedBlockIncrement() {
        synchronized (this) {
            own++;
        }
    }

    private void synchronizedBlockMethod() {
        for (int i = 0; i < N / 10; i++) {
            lockedBlockIncrement();
        }
    }

    private void volatileField() {
        for (int i = 0; i < N / 10; i++) {
            flag = flag + 1;
        }
    }

    private static long newObjects() {
        long sum = 0;
        for (int i = 0; i < N / 10; i++) {
            Node n = new Node();
            n.payload = i;
            sum += n.payload;
        }
        return sum;
    }

    private void concurrentMapGet() {
        ConcurrentHashMap<Integer, Integer> m = map;
        Integer key = 700; // one boxed key: no allocation in the loop
        long sum = 0;
        for (int i = 0; i < N / 10; i++) {
            sum += m.get(key);
        }
        sink += sum;
    }

    private void reentrantLock() {
        ReentrantLock l = lock;
        for (int i = 0; i < N / 10; i++) {
            l.lock();
            try {
                own++;
            } finally {
                l.unlock();
            }
        }
    }

    private void atomicIncrement() {
        AtomicLong a = atomic;
        for (int i = 0; i < N / 10; i++) {
            a.incrementAndGet();
        }
    }

    /** A task handed to a one-thread pool and its result awaited: two thread hand-overs per op. */
    private void executorSubmitGet(ExecutorService pool) {
        long sum = 0;
        try {
            for (int i = 0; i < N / 1000; i++) {
                int v = i;
                sum += pool.submit(() -> v).get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        sink += sum;
    }

    private static final VarHandle HOLDER_VALUE;

    static {
        try {
            HOLDER_VALUE = MethodHandles.lookup().findVarHandle(Holder.class, "value", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Plain VarHandle get and set of a field, from checked code: both are checked accesses. */
    private void varHandlePlain() {
        Holder h = holder;
        for (int i = 0; i < N / 10; i++) {
            HOLDER_VALUE.set(h, (int) HOLDER_VALUE.get(h) + 1);
        }
    }

    /** The JDK's own plain VarHandle accesses (node writes) pass the unmarked hooks: never checked. */
    private void concurrentQueue() {
        ConcurrentLinkedQueue<Integer> q = new ConcurrentLinkedQueue<>();
        Integer item = 7;
        long sum = 0;
        for (int i = 0; i < N / 100; i++) {
            q.offer(item);
            sum += q.poll();
        }
        sink += sum;
    }

    private static void time(String name, int ops, Runnable scenario) {
        scenario.run();
        long start = System.nanoTime();
        scenario.run();
        double ns = (System.nanoTime() - start) / (double) ops;
        System.out.printf(Locale.ROOT, "%s\t%.2f%n", name, ns);
    }

    public static void main(String[] args) {
        AccessCost b = new AccessCost();
        time("own field ++", N, b::ownField);
        time("other class field ++", N, b::foreignField);
        time("static field ++", N, AccessCost::staticField);
        time("synchronized method", N / 10, b::synchronizedMethod);
        time("synchronized block method", N / 10, b::synchronizedBlockMethod);
        time("volatile read+write", N / 10, b::volatileField);
        time("new object + field", N / 10, AccessCost::newObjects);
        for (int i = 0; i < 1024; i++) {
            b.map.put(i, i);
        }
        time("ConcurrentHashMap.get", N / 10, b::concurrentMapGet);
        time("ReentrantLock lock/unlock", N / 10, b::reentrantLock);
        time("AtomicLong.incrementAndGet", N / 10, b::atomicIncrement);
        time("VarHandle plain get+set", N / 10, b::varHandlePlain);
        time("ConcurrentLinkedQueue.offer+poll", N / 100, b::concurrentQueue);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        time("executor submit+get", N / 1000, () -> b.executorSubmitGet(pool));
        pool.shutdown();
        if (b.own + b.holder.value + staticCount + b.flag + b.atomic.get() + b.sink == 42) {
            System.out.println(); // keeps the results alive
        }
    }
}
