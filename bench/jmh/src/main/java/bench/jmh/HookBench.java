package bench.jmh;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of each kind of access and synchronization racedet hooks, one thread, in ns per operation:
 * run once without the agent and once with {@code -javaagent:racedet.jar=include=bench.jmh.*} (see
 * {@code bench/jmh/run.sh}); the difference is what the hook costs. Each benchmark does one operation
 * on state of this class (package {@code bench.jmh}, so racedet checks it) and returns what it read
 * (a constant after a write), which JMH's blackhole consumes: every row, {@code empty} included, runs
 * the same JMH loop and blackhole around its operation. Fields that only hold the objects a benchmark works on are {@code final}:
 * racedet does not hook final fields, so only the operation under test runs a hook.
 *
 * <p>Epochs. JMH's measurement loop releases nothing between two calls (it reads a volatile flag,
 * an acquire), so in the steady state a field accessed once per call is accessed in the same
 * FastTrack epoch as last time: {@code fieldRead}/{@code fieldWrite} measure the hook's entry and the
 * same-epoch check, one access per call; {@code sameEpochRead}/{@code sameEpochWrite} the same check
 * repeated in one call (the per-access cost of a loop over a field). {@code newEpochRead} and
 * {@code newEpochWrite} release first (a volatile write), so every access is the first of a new epoch
 * and takes FastTrack's full path, as the first access after a lock release does; subtract
 * {@code volatileWrite} to get the access's share.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HookBench {
    /** Accesses per call of the {@code sameEpoch*} benchmarks. */
    private static final int REPEATS = 8;
    /** Elements walked per call of the {@code arrayElement*} benchmarks. */
    private static final int ARRAY_LENGTH = 1024;

    private int field;
    private int repeated;
    private static int staticField;
    private volatile int flag;

    private final Holder holder = new Holder();
    private final int[] array = new int[ARRAY_LENGTH];
    private final ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>();
    /** Boxed once, outside the small-Integer cache: {@code get} allocates nothing. */
    private final Integer presentKey = 700;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong atomic = new AtomicLong();

    /** A realistic map: 1,024 entries, the key looked up among them. */
    @Setup
    public void fillMap() {
        for (int i = 0; i < 1024; i++) {
            map.put(i, i);
        }
    }

    /**
     * Nothing but a constant returned: JMH's own loop and blackhole, which every other row includes.
     * Under racedet they run hooks of their own (the loop's volatile read of JMH's control flag, the
     * blackhole's read of a static final); run.sh's net column takes this row off the others.
     */
    @Benchmark
    public int empty() {
        return 42;
    }

    /** A plain field of this class, read by code of this class (the inline-shadow path). */
    @Benchmark
    public int fieldRead() {
        return field;
    }

    /** The same field written. */
    @Benchmark
    public int fieldWrite() {
        field = 42;
        return 42;
    }

    /** A plain field of another class of ours ({@link Holder}), read here: the runtime finds its state. */
    @Benchmark
    public int otherClassFieldRead() {
        return holder.value;
    }

    /** The same, written. */
    @Benchmark
    public int otherClassFieldWrite() {
        holder.value = 42;
        return 42;
    }

    /** One field read {@value #REPEATS} times with no synchronization in between: FastTrack's same-epoch exit. */
    @Benchmark
    @OperationsPerInvocation(REPEATS)
    public int sameEpochRead() {
        int sum = 0;
        for (int i = 0; i < REPEATS; i++) {
            sum += repeated;
        }
        return sum;
    }

    /** One field written {@value #REPEATS} times with no synchronization in between. */
    @Benchmark
    @OperationsPerInvocation(REPEATS)
    public int sameEpochWrite() {
        for (int i = 0; i < REPEATS; i++) {
            repeated = i;
        }
        return 42;
    }

    /** A release (volatile write), then a read: the read is the first of its epoch, FastTrack's full path. */
    @Benchmark
    public int newEpochRead() {
        flag = 1;
        return field;
    }

    /** A release, then a write: the first write of its epoch. */
    @Benchmark
    public int newEpochWrite() {
        flag = 1;
        field = 42;
        return 42;
    }

    /** Every element of an {@code int[]} read in turn: one element access per operation. */
    @Benchmark
    @OperationsPerInvocation(ARRAY_LENGTH)
    public int arrayElementRead() {
        int[] a = array;
        int sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i];
        }
        return sum;
    }

    /** Every element of an {@code int[]} written in turn. */
    @Benchmark
    @OperationsPerInvocation(ARRAY_LENGTH)
    public int arrayElementWrite() {
        int[] a = array;
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        return 42;
    }

    /** A plain static field of this class. */
    @Benchmark
    public int staticFieldRead() {
        return staticField;
    }

    /** The same, written. */
    @Benchmark
    public int staticFieldWrite() {
        staticField = 42;
        return 42;
    }

    /** A new object of ours, its field written by this (another) class: allocation plus a first write. */
    @Benchmark
    public Node newObjectFirstWrite() {
        Node n = new Node();
        n.payload = 42;
        return n;
    }

    /** A new object of ours whose constructor writes its field (the declaring class's path). */
    @Benchmark
    public Node newObjectConstructorWrite() {
        return new Node(42);
    }

    /** An uncontended {@code synchronized} block with nothing inside: monitor enter and exit alone. */
    @Benchmark
    public int synchronizedBlock() {
        synchronized (this) {
            // empty on purpose: only the monitor's hooks are measured
        }
        return 42;
    }

    /** An uncontended {@code synchronized} method that touches no field. */
    @Benchmark
    public int synchronizedMethod() {
        return lockedIncrement(41);
    }

    private synchronized int lockedIncrement(int x) {
        return x + 1;
    }

    /**
     * A field incremented inside an uncontended {@code synchronized} method: the lock-protected
     * counter of lock-heavy code. The release of each call makes the next call's accesses the first of
     * a new epoch, so this is monitor + full-path read + full-path write.
     */
    @Benchmark
    public int synchronizedIncrement() {
        return lockedFieldIncrement();
    }

    private synchronized int lockedFieldIncrement() {
        return ++field;
    }

    /** A volatile read: an acquire. */
    @Benchmark
    public int volatileRead() {
        return flag;
    }

    /** A volatile write: a release. */
    @Benchmark
    public int volatileWrite() {
        flag = 42;
        return 42;
    }

    /** {@code ConcurrentHashMap.get} of a present key: synchronization implemented inside the JDK. */
    @Benchmark
    public Integer chmGet() {
        return map.get(presentKey);
    }

    /** An uncontended {@code ReentrantLock}, locked and unlocked (AQS: a CAS and a volatile write). */
    @Benchmark
    public int lockUnlock() {
        ReentrantLock l = lock;
        l.lock();
        try {
            // empty on purpose: only the lock's synchronization is measured
        } finally {
            l.unlock();
        }
        return 42;
    }

    /** {@code AtomicLong.incrementAndGet}: one atomic read-modify-write. */
    @Benchmark
    public long atomicIncrement() {
        return atomic.incrementAndGet();
    }
}
