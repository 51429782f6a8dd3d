package bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A field written once, then read by two threads at once: FastTrack's read-shared state, where the
 * field's shadow keeps one read clock per reader and each reader checks its own slot. One instance
 * is shared by both benchmark threads ({@link Scope#Benchmark}); the write happens in {@code @Setup},
 * which JMH runs before either thread starts measuring and orders before their reads with its own
 * synchronization, so the program is race-free and racedet must report nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SharedReadBench {
    private int shared;

    /** The only write, before any read. */
    @Setup(Level.Trial)
    public void publish() {
        shared = 42;
    }

    /**
     * Nothing, in two threads: JMH's own loop, whose per-call volatile read of its control flag is a
     * racedet acquire on one location shared by both threads (the baseline of {@code sharedRead}).
     */
    @Benchmark
    @Threads(2)
    public int empty() {
        return 42;
    }

    /** Read by both threads: after their first reads the field is read-shared. */
    @Benchmark
    @Threads(2)
    public int sharedRead() {
        return shared;
    }
}
