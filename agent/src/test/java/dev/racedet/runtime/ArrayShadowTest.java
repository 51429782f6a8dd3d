package dev.racedet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.runtime.engine.Detector;
import dev.racedet.runtime.engine.Slots;
import dev.racedet.runtime.engine.SyncClock;
import dev.racedet.runtime.engine.ThreadState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Event scripts for array element shadows, with no bytecode and no real threads: element accesses
 * as the array hooks deliver them, checked against the races the detector reports (with the element
 * index) and against how compact the shadow stays.
 */
class ArrayShadowTest {
    /** "w11[3] by T1 vs w10 by T0": current op, site, element index, thread; previous op, site, thread. */
    private final List<String> races = new ArrayList<>();
    private final Detector detector = new Detector((field, current, currentWrite, currentSite,
            previous, previousWrite, previousSite) -> races.add(
            (currentWrite ? "w" : "r") + currentSite + "[" + field.index() + "] by " + current.name() + " vs "
                    + (previousWrite ? "w" : "r") + previousSite + " by " + previous.name()), new Slots());

    private ThreadState t0;
    private ThreadState t1;

    @BeforeEach
    void threads() {
        t0 = new ThreadState(null, "T0");
        t1 = new ThreadState(null, "T1");
    }

    @Test
    void writes_of_one_element_by_two_threads_race_at_that_index() {
        ArrayShadow a = new ArrayShadow(new int[10]);
        a.access(t0, detector, 3, 10, true);
        a.access(t1, detector, 3, 11, true);
        assertEquals(List.of("w11[3] by T1 vs w10 by T0"), races);
    }

    @Test
    void neighbouring_elements_written_by_two_threads_do_not_race() {
        ArrayShadow a = new ArrayShadow(new long[10]);
        a.access(t0, detector, 3, 10, true);
        a.access(t1, detector, 4, 11, true);
        a.access(t0, detector, 2, 10, false);
        a.access(t1, detector, 5, 11, false);
        assertEquals(List.of(), races);
    }

    @Test
    void a_read_races_with_an_unordered_write_and_not_with_an_ordered_one() {
        ArrayShadow a = new ArrayShadow(new Object[8]);
        SyncClock lock = new SyncClock();
        a.access(t0, detector, 1, 10, true);
        a.access(t0, detector, 2, 10, true);
        detector.release(t0, lock);
        detector.acquire(t1, lock);
        a.access(t1, detector, 1, 11, false);
        assertEquals(List.of(), races);
        a.access(t0, detector, 2, 12, true); // after the release: unordered with t1
        a.access(t1, detector, 2, 11, false);
        assertEquals(List.of("r11[2] by T1 vs w12 by T0"), races);
    }

    @Test
    void concurrent_reads_then_a_write_race_with_the_unordered_reader() {
        ArrayShadow a = new ArrayShadow(new char[4]);
        SyncClock lock = new SyncClock();
        a.access(t0, detector, 0, 10, false);
        a.access(t1, detector, 0, 11, false); // two concurrent reads: shared read state
        detector.release(t1, lock);
        detector.acquire(t0, lock);
        a.access(t0, detector, 0, 12, true); // ordered after t1's read, and t0's own
        assertEquals(List.of(), races);
        a.access(t1, detector, 0, 13, false);
        assertEquals(List.of("r13[0] by T1 vs w12 by T0"), races);
    }

    @Test
    void elements_in_different_chunks_are_tracked_separately() {
        ArrayShadow a = new ArrayShadow(new byte[3 * ArrayShadow.CHUNK + 5]);
        int last = 3 * ArrayShadow.CHUNK + 4;
        a.access(t0, detector, last, 10, true);
        a.access(t1, detector, ArrayShadow.CHUNK, 11, true);
        assertNull(a.existingChunk(0), "no shadow for a chunk nobody touched");
        assertNull(a.existingChunk(2));
        a.access(t1, detector, last, 11, true);
        assertEquals(List.of("w11[" + last + "] by T1 vs w10 by T0"), races);
    }

    @Test
    void a_loop_over_a_large_array_in_one_epoch_shares_one_state_per_chunk() {
        int n = 5 * ArrayShadow.CHUNK;
        ArrayShadow a = new ArrayShadow(new int[n]);
        for (int i = 0; i < n; i++) {
            a.access(t0, detector, i, 10, true);
        }
        for (int i = 1; i < n; i++) {
            a.access(t0, detector, i - 1, 11, false); // a[i] = a[i - 1] + 1
            a.access(t0, detector, i, 12, true);
        }
        for (int c = 0; c < 5; c++) {
            assertTrue(a.existingChunk(c).distinctStates() <= 3, "chunk " + c + ": " + a.existingChunk(c).distinctStates());
        }
        assertEquals(List.of(), races);
    }

    @Test
    void a_phase_reading_what_an_ordered_thread_wrote_shares_states_too() {
        // crypt's shape: one thread writes a large array from 8 sites, another, started after it
        // ended (here: ordered by a lock), reads it from 8 sites and writes a second array
        int n = 2 * ArrayShadow.CHUNK;
        ArrayShadow in = new ArrayShadow(new byte[n]);
        ArrayShadow out = new ArrayShadow(new byte[n]);
        SyncClock lock = new SyncClock();
        for (int i = 0; i < n; i++) {
            in.access(t0, detector, i, 20 + i % 8, true);
        }
        detector.release(t0, lock);
        detector.acquire(t1, lock);
        for (int i = 0; i < n; i++) {
            in.access(t1, detector, i, 30 + i % 8, false);
            out.access(t1, detector, i, 40 + i % 8, true);
        }
        for (int c = 0; c < 2; c++) {
            assertTrue(in.existingChunk(c).distinctStates() <= 8, "in, chunk " + c + ": " + in.existingChunk(c).distinctStates());
            assertTrue(out.existingChunk(c).distinctStates() <= 8, "out, chunk " + c + ": " + out.existingChunk(c).distinctStates());
        }
        assertEquals(List.of(), races);
    }

    @Test
    void a_shared_transition_is_not_reused_for_a_thread_not_ordered_after_the_writer() {
        int n = ArrayShadow.CHUNK;
        ArrayShadow a = new ArrayShadow(new int[n]);
        ThreadState t2 = new ThreadState(null, "T2");
        SyncClock lock = new SyncClock();
        for (int i = 0; i < n; i++) {
            a.access(t0, detector, i, 10, true);
        }
        detector.release(t0, lock);
        detector.acquire(t1, lock);
        a.access(t1, detector, 0, 11, false); // ordered: memoized from T0's state
        a.access(t2, detector, 1, 12, false); // not ordered: must race, not reuse T1's transition
        a.access(t1, detector, 2, 11, false);
        assertEquals(List.of("r12[1] by T2 vs w10 by T0"), races);
    }

    @Test
    void elements_in_distinct_epochs_keep_distinct_states_and_race_individually() {
        ArrayShadow a = new ArrayShadow(new int[600]);
        SyncClock lock = new SyncClock();
        for (int i = 0; i < 600; i++) {
            a.access(t0, detector, i, 10, true);
            detector.release(t0, lock); // a new epoch for every element
            if (i == 299) {
                detector.acquire(t1, lock); // t1 is ordered after the writes of 0..299 only
            }
        }
        assertEquals(600, a.existingChunk(0).distinctStates());
        for (int i = 0; i < 600; i++) {
            a.access(t1, detector, i, 11, false);
        }
        assertEquals(300, races.size());
        assertEquals("r11[300] by T1 vs w10 by T0", races.get(0));
        assertEquals("r11[599] by T1 vs w10 by T0", races.get(299));
    }

    @Test
    void states_no_element_uses_any_more_are_not_kept() {
        ArrayShadow a = new ArrayShadow(new int[8]);
        SyncClock lock = new SyncClock();
        for (int round = 0; round < 10_000; round++) {
            a.access(t0, detector, round % 8, 10, true);
            detector.release(t0, lock);
        }
        assertEquals(8, a.existingChunk(0).distinctStates());
        a.access(t1, detector, 5, 11, true);
        assertEquals(List.of("w11[5] by T1 vs w10 by T0"), races);
    }

    @Test
    void elements_never_touched_stay_untouched_while_others_change() {
        ArrayShadow a = new ArrayShadow(new int[8]);
        SyncClock lock = new SyncClock();
        for (int round = 0; round < 1_000; round++) {
            a.access(t0, detector, 1 + round % 7, 10, true); // element 0 is never touched
            detector.release(t0, lock);
        }
        a.access(t1, detector, 0, 11, true);
        a.access(t1, detector, 0, 11, false);
        assertEquals(List.of(), races);
    }

    @Test
    void a_range_is_clamped_to_the_array() {
        ArrayShadow a = new ArrayShadow(new double[10]);
        a.accessRange(t0, detector, -5, 3, 10, true);
        a.accessRange(t0, detector, 8, 1L << 40, 10, true);
        a.accessRange(t0, detector, 6, 2, 10, true); // reversed: nothing
        for (int i = 0; i < 10; i++) {
            a.access(t1, detector, i, 11, true);
        }
        assertEquals(List.of("w11[0] by T1 vs w10 by T0", "w11[1] by T1 vs w10 by T0", "w11[2] by T1 vs w10 by T0",
                "w11[8] by T1 vs w10 by T0", "w11[9] by T1 vs w10 by T0"), races);
    }

    @Test
    void an_element_accessed_again_in_the_same_epoch_takes_the_fast_path() {
        ArrayShadow a = new ArrayShadow(new boolean[3]);
        a.access(t0, detector, 1, 10, true);
        ElementChunk chunk = a.existingChunk(0);
        assertTrue(chunk.isCurrent(t0, 1, true));
        assertTrue(chunk.isCurrent(t0, 1, false) == false, "a read is not recorded by a write");
        a.access(t0, detector, 1, 10, false);
        assertTrue(chunk.isCurrent(t0, 1, false));
        assertTrue(!chunk.isCurrent(t1, 1, false));
    }
}
