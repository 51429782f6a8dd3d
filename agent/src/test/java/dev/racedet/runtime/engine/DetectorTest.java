package dev.racedet.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Event scripts for the happens-before engine, with no bytecode and no real threads: each test is
 * the trace of a program, event by event, as the instrumentation would deliver it.
 */
class DetectorTest {
    /** One race as the listener saw it: "current-op@site vs previous-op@site by T<tid>". */
    private final List<String> races = new ArrayList<>();
    private final Detector detector = new Detector((field, current, currentWrite, currentSite,
            previousTid, previousWrite, previousSite) -> races.add(
            (currentWrite ? "w" : "r") + currentSite + " by T" + current.tid + " vs "
                    + (previousWrite ? "w" : "r") + previousSite + " by T" + previousTid));

    private ThreadState t0;
    private ThreadState t1;
    private ThreadState t2;
    private VarState x;

    @BeforeEach
    void threads() {
        t0 = new ThreadState(0, null);
        t1 = new ThreadState(1, null);
        t2 = new ThreadState(2, null);
        x = new VarState(7);
    }

    @Test
    void write_reports_race_when_no_common_lock() {
        detector.write(t0, x, 10);
        detector.write(t1, x, 11);
        assertEquals(List.of("w11 by T1 vs w10 by T0"), races);
    }

    @Test
    void write_is_ordered_when_both_hold_the_same_lock() {
        SyncClock lock = new SyncClock();
        detector.acquire(t0, lock);
        detector.write(t0, x, 10);
        detector.release(t0, lock);
        detector.acquire(t1, lock);
        detector.write(t1, x, 11);
        detector.release(t1, lock);
        assertEquals(List.of(), races);
    }

    @Test
    void write_reports_race_when_locks_differ() {
        SyncClock a = new SyncClock();
        SyncClock b = new SyncClock();
        detector.acquire(t0, a);
        detector.write(t0, x, 10);
        detector.release(t0, a);
        detector.acquire(t1, b);
        detector.write(t1, x, 11);
        detector.release(t1, b);
        assertEquals(List.of("w11 by T1 vs w10 by T0"), races);
    }

    @Test
    void read_reports_race_with_unordered_earlier_write() {
        detector.write(t0, x, 10);
        detector.read(t1, x, 11);
        assertEquals(List.of("r11 by T1 vs w10 by T0"), races);
    }

    @Test
    void write_reports_race_with_unordered_earlier_read() {
        detector.read(t0, x, 10);
        detector.write(t1, x, 11);
        assertEquals(List.of("w11 by T1 vs r10 by T0"), races);
    }

    @Test
    void concurrent_reads_are_not_a_race() {
        detector.read(t0, x, 10);
        detector.read(t1, x, 11);
        detector.read(t2, x, 12);
        assertEquals(List.of(), races);
    }

    @Test
    void write_after_shared_reads_reports_every_unordered_reader() {
        detector.read(t0, x, 10);
        detector.read(t1, x, 11);
        detector.write(t2, x, 12);
        assertEquals(List.of("w12 by T2 vs r10 by T0", "w12 by T2 vs r11 by T1"), races);
    }

    @Test
    void write_after_shared_reads_reports_only_the_reader_not_joined() {
        detector.read(t1, x, 11);
        detector.read(t2, x, 12);
        detector.join(t0, t1); // t0 waited for t1 only
        detector.write(t0, x, 10);
        assertEquals(List.of("w10 by T0 vs r12 by T2"), races);
    }

    @Test
    void same_thread_accesses_never_race() {
        detector.write(t0, x, 10);
        detector.read(t0, x, 11);
        detector.write(t0, x, 12);
        detector.release(t0, new SyncClock());
        detector.write(t0, x, 13);
        assertEquals(List.of(), races);
    }

    @Test
    void fork_orders_parent_before_child() {
        detector.write(t0, x, 10);
        detector.fork(t0, t1);
        detector.write(t1, x, 11);
        assertEquals(List.of(), races);
    }

    @Test
    void parent_after_fork_races_with_child() {
        detector.fork(t0, t1);
        detector.write(t0, x, 10);
        detector.write(t1, x, 11);
        assertEquals(List.of("w11 by T1 vs w10 by T0"), races);
    }

    @Test
    void join_orders_child_before_parent() {
        detector.fork(t0, t1);
        detector.write(t1, x, 11);
        detector.join(t0, t1);
        detector.read(t0, x, 10);
        assertEquals(List.of(), races);
    }

    @Test
    void volatile_write_then_read_publishes() {
        SyncClock flag = new SyncClock();
        detector.write(t0, x, 10);
        detector.release(t0, flag); // volatile write
        detector.acquire(t1, flag); // volatile read that saw it
        detector.read(t1, x, 11);
        assertEquals(List.of(), races);
    }

    @Test
    void write_after_volatile_release_is_unordered() {
        SyncClock flag = new SyncClock();
        detector.release(t0, flag);
        detector.write(t0, x, 10); // after the release: not published
        detector.acquire(t1, flag);
        detector.read(t1, x, 11);
        assertEquals(List.of("r11 by T1 vs w10 by T0"), races);
    }

    @Test
    void happens_before_is_transitive_through_a_third_thread() {
        SyncClock a = new SyncClock();
        SyncClock b = new SyncClock();
        detector.write(t0, x, 10);
        detector.release(t0, a);
        detector.acquire(t1, a);
        detector.release(t1, b);
        detector.acquire(t2, b);
        detector.write(t2, x, 12);
        assertEquals(List.of(), races);
    }

    @Test
    void class_initializer_writes_are_ordered_before_first_use() {
        SyncClock init = new SyncClock();
        detector.write(t0, x, 10); // in <clinit>
        detector.classInitialized(t0, init);
        detector.classUsed(t1, 3, init);
        detector.read(t1, x, 11);
        assertEquals(List.of(), races);
    }

    @Test
    void class_use_acquires_only_once_per_thread() {
        SyncClock init = new SyncClock();
        detector.classUsed(t1, 3, init); // first use, before anything was released
        detector.write(t0, x, 10);
        detector.release(t0, init);
        detector.classUsed(t1, 3, init); // already seen: no new edge
        detector.read(t1, x, 11);
        assertEquals(List.of("r11 by T1 vs w10 by T0"), races);
    }

    @Test
    void read_shared_state_keeps_reporting_later_write_read_races() {
        detector.read(t0, x, 10);
        detector.read(t1, x, 11);
        detector.write(t2, x, 12);
        races.clear();
        detector.read(t0, x, 13);
        assertEquals(List.of("r13 by T0 vs w12 by T2"), races);
    }

    @Test
    void thread_slots_beyond_initial_capacity_work() {
        ThreadState far = new ThreadState(100, null);
        detector.write(far, x, 10);
        detector.fork(far, t1);
        detector.write(t1, x, 11);
        assertEquals(List.of(), races);
        detector.write(t2, x, 12);
        assertEquals(List.of("w12 by T2 vs w11 by T1"), races);
    }
}
