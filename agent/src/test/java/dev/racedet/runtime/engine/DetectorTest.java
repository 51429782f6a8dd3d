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
    /** One race as the listener saw it: "current-op@site by name vs previous-op@site by name". */
    private final List<String> races = new ArrayList<>();
    private final Slots slots = new Slots();
    private final Detector detector = new Detector((field, current, currentWrite, currentSite,
            previous, previousWrite, previousSite) -> races.add(
            (currentWrite ? "w" : "r") + currentSite + " by " + current.name() + " vs "
                    + (previousWrite ? "w" : "r") + previousSite + " by " + previous.name()), slots);

    private ThreadState t0;
    private ThreadState t1;
    private ThreadState t2;
    private VarState x;

    @BeforeEach
    void threads() {
        t0 = new ThreadState(null, "T0");
        t1 = new ThreadState(null, "T1");
        t2 = new ThreadState(null, "T2");
        x = new VarState(7);
    }

    @Test
    void write_reports_race_when_no_common_lock() {
        detector.write(t0, x, 10);
        detector.write(t1, x, 11);
        assertEquals(List.of("w11 by T1 vs w10 by T0"), races);
    }

    @Test
    void first_write_recorded_in_a_fresh_state_races_like_any_write() {
        VarState fresh = new VarState(7);
        assertEquals(true, detector.firstAccess(t0, fresh, 10, true));
        detector.write(t1, fresh, 11);
        assertEquals(List.of("w11 by T1 vs w10 by T0"), races);
    }

    @Test
    void first_read_recorded_in_a_fresh_state_races_with_an_unordered_write_only() {
        VarState fresh = new VarState(7);
        detector.firstAccess(t0, fresh, 10, false);
        detector.read(t1, fresh, 12);          // two reads: no race
        detector.write(t2, fresh, 11);
        assertEquals(List.of("w11 by T2 vs r10 by T0", "w11 by T2 vs r12 by T1"), races);
    }

    @Test
    void first_access_of_a_terminated_thread_records_nothing() {
        VarState fresh = new VarState(7);
        detector.terminate(t0);
        assertEquals(false, detector.firstAccess(t0, fresh, 10, true));
        detector.write(t1, fresh, 11);
        assertEquals(List.of(), races);
    }

    @Test
    void a_shared_read_in_a_new_epoch_is_recorded_and_races_with_a_later_unordered_write() {
        SyncClock published = new SyncClock();
        SyncClock other = new SyncClock();
        detector.write(t0, x, 10);
        detector.release(t0, published);
        detector.acquire(t1, published);
        detector.acquire(t2, published);
        detector.read(t1, x, 11);
        detector.read(t2, x, 12);              // read-shared now
        detector.release(t1, other);           // t1 moves to a new epoch
        detector.read(t1, x, 13);              // recorded in t1's entry (the path without the lock)
        detector.acquire(t0, other);           // t0 knows t1 up to its release, not the read after it
        detector.write(t0, x, 14);
        assertEquals(List.of("w14 by T0 vs r13 by T1", "w14 by T0 vs r12 by T2"), races);
    }

    @Test
    void a_reader_with_a_shared_entry_still_races_with_a_later_unordered_write() {
        SyncClock published = new SyncClock();
        SyncClock other = new SyncClock();
        detector.acquire(t1, published);
        detector.read(t1, x, 11);
        detector.read(t2, x, 12);              // read-shared
        detector.release(t1, other);
        detector.acquire(t0, other);
        detector.acquire(t0, new SyncClock());
        detector.release(t2, new SyncClock()); // t2 moves to a new epoch
        races.clear();
        VarState y = x;
        detector.write(t0, y, 14);             // ordered after t1's read only: races with t2's
        races.clear();
        detector.read(t2, y, 15);              // not ordered after t0's write
        assertEquals(List.of("r15 by T2 vs w14 by T0"), races);
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
    void repeated_acquire_sees_a_release_made_in_between_by_another_thread() {
        SyncClock flag = new SyncClock();
        detector.acquire(t1, flag);       // nothing to see yet
        detector.write(t0, x, 10);
        detector.release(t0, flag);       // the acquire below must not be skipped
        detector.acquire(t1, flag);
        detector.read(t1, x, 11);
        assertEquals(List.of(), races);
    }

    @Test
    void read_modify_write_keeps_what_the_location_held_from_others() {
        SyncClock counter = new SyncClock();
        detector.write(t0, x, 10);
        detector.release(t0, counter);    // t0 publishes
        detector.release(t1, counter);    // t1's CAS: release first (it has not seen t0's release) ...
        detector.acquire(t1, counter);    // ... then acquire: must still join t0's part
        detector.read(t1, x, 11);
        assertEquals(List.of(), races);
    }

    @Test
    void skipped_acquire_after_own_release_still_reports_unordered_writes() {
        SyncClock lock = new SyncClock();
        detector.acquire(t0, lock);
        detector.release(t0, lock);
        detector.acquire(t0, lock);       // skipped: nothing new
        detector.write(t0, x, 10);
        detector.release(t0, lock);
        detector.write(t1, x, 11);        // t1 never took the lock
        assertEquals(List.of("w11 by T1 vs w10 by T0"), races);
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
        detector.release(t0, init); // end of the static initializer
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

    // ---- threads at any scale: slot reuse, termination, clock limit ----------------------------

    private ThreadState thread(String name) {
        return new ThreadState(null, name);
    }

    /** Starts, runs and terminates one child of {@code parent} that writes {@code v} at {@code site}. */
    private ThreadState runChild(ThreadState parent, String name, VarState v, int site) {
        ThreadState child = thread(name);
        detector.fork(parent, child);
        detector.write(child, v, site);
        detector.terminate(child);
        return child;
    }

    @Test
    void terminated_thread_slot_is_reused_by_a_thread_ordered_after_it() {
        detector.write(t0, x, 10);
        ThreadState first = runChild(t0, "first", x, 11);
        int slotOfFirst = slots.created() - 1;
        detector.join(t0, first);
        ThreadState second = runChild(t0, "second", x, 12);
        assertEquals(List.of(), races);
        assertEquals(2, slots.created(), "the second child took the first one's slot");
        assertEquals(1, slots.freeCount());
        assertEquals(slotOfFirst, slotOfFreed(second, slotOfFirst));
    }

    /** The slot {@code t} had: terminated threads no longer hold one, so check it was freed again. */
    private int slotOfFreed(ThreadState t, int expected) {
        ThreadState probe = thread("probe");
        detector.join(probe, t);
        detector.write(probe, new VarState(99), 1);
        return probe.slot();
    }

    @Test
    void slot_is_not_reused_by_a_thread_not_ordered_after_its_last_occupant() {
        runChild(t0, "first", x, 11); // never joined
        ThreadState second = thread("second");
        detector.fork(t0, second);
        detector.write(second, x, 12);
        assertEquals(List.of("w12 by second vs w11 by first"), races);
        assertEquals(3, slots.created(), "the first child's slot stays free for a thread ordered after it");
    }

    @Test
    void older_thread_still_races_with_dead_occupant_after_its_slot_is_reused() {
        ThreadState early = thread("early");
        detector.fork(t0, early); // started before anything below
        ThreadState first = runChild(t0, "first", x, 11);
        detector.join(t0, first);
        VarState y = new VarState(8);
        runChild(t0, "second", y, 12); // takes first's slot, continuing its clock
        detector.read(early, x, 13);
        assertEquals(List.of("r13 by early vs w11 by first"), races);
    }

    @Test
    void thread_that_learns_of_the_new_occupant_is_ordered_after_the_old_one() {
        ThreadState early = thread("early");
        detector.fork(t0, early);
        ThreadState first = runChild(t0, "first", x, 11);
        detector.join(t0, first);
        SyncClock lock = new SyncClock();
        ThreadState second = thread("second");
        detector.fork(t0, second);
        detector.acquire(second, lock);
        detector.release(second, lock); // second now occupies first's old slot
        detector.acquire(early, lock);
        detector.read(early, x, 13); // first -> join -> fork(second) -> lock -> early
        assertEquals(List.of(), races);
    }

    @Test
    void thread_that_first_acquires_its_predecessors_lock_takes_its_slot() {
        SyncClock lock = new SyncClock();
        ThreadState a = thread("a");
        ThreadState b = thread("b");
        detector.fork(t0, a);
        detector.fork(t0, b); // both started up front, like virtual threads in a loop
        detector.acquire(a, lock);
        detector.write(a, x, 11);
        detector.release(a, lock);
        detector.terminate(a);
        int created = slots.created();
        detector.acquire(b, lock);
        detector.write(b, x, 12);
        detector.release(b, lock);
        assertEquals(List.of(), races);
        assertEquals(created, slots.created(), "b reused a's slot: it covers everything a published");
    }

    @Test
    void a_million_sequential_started_and_joined_threads_use_two_slots() {
        for (int i = 0; i < 1_000_000; i++) {
            ThreadState child = runChild(t0, "child", x, 11);
            detector.join(t0, child);
            detector.write(t0, x, 10);
        }
        assertEquals(List.of(), races);
        assertEquals(2, slots.created());
    }

    @Test
    void unjoined_terminated_threads_still_race_with_later_threads() {
        ThreadState first = runChild(t0, "first", x, 11);
        detector.join(t0, first);
        runChild(t0, "second", x, 12); // ordered after first, never joined
        detector.read(t0, x, 13);
        assertEquals(List.of("r13 by T0 vs w12 by second"), races);
    }

    @Test
    void events_of_a_terminated_thread_are_ignored() {
        detector.write(t1, x, 11);
        detector.terminate(t1);
        detector.write(t1, x, 12);
        detector.release(t1, new SyncClock());
        detector.terminate(t1);
        assertEquals(List.of(), races);
        assertEquals(1, slots.freeCount(), "terminating twice frees the slot once");
    }

    @Test
    void counted_out_thread_is_ordered_before_the_container_owner() {
        SyncClock container = new SyncClock();
        detector.write(t1, x, 11);
        detector.terminate(t1);
        detector.countedOut(t1, container); // Thread.exit() runs the flock's onExit
        detector.acquire(t0, container);     // the owner's awaitAll returns
        detector.read(t0, x, 12);
        assertEquals(List.of(), races);
    }

    @Test
    void counting_out_keeps_what_others_published_and_orders_nothing_else() {
        SyncClock container = new SyncClock();
        VarState y = new VarState(8);
        detector.write(t2, y, 20);
        detector.terminate(t2);
        detector.countedOut(t2, container);
        detector.write(t1, x, 11);
        detector.terminate(t1);
        detector.countedOut(t1, container);
        detector.acquire(t0, container);
        detector.read(t0, y, 21);
        detector.read(t0, x, 12);
        detector.write(new ThreadState(null, "T3"), x, 13); // ordered after nothing: races with both
        assertEquals(List.of("w13 by T3 vs w11 by T1", "w13 by T3 vs r12 by T0"), races);
    }

    @Test
    void a_live_thread_counted_out_publishes_nothing() {
        SyncClock container = new SyncClock();
        detector.write(t1, x, 11);
        detector.countedOut(t1, container);
        detector.acquire(t0, container);
        detector.read(t0, x, 12);
        assertEquals(List.of("r12 by T0 vs w11 by T1"), races);
    }

    @Test
    void a_thread_is_forked_once() {
        VarState y = new VarState(8);
        detector.fork(t0, t1);
        detector.write(t2, y, 20);
        detector.fork(t2, t1); // a second start of the same thread fails in the JDK: no edge
        detector.read(t1, y, 21);
        assertEquals(List.of("r21 by T1 vs w20 by T2"), races);
    }

    @Test
    void clock_limit_moves_a_thread_to_a_fresh_slot_without_forgetting() {
        slots.setClockLimit(3);
        SyncClock lock = new SyncClock();
        detector.write(t0, x, 10);
        for (int i = 0; i < 20; i++) {
            detector.acquire(t0, lock);
            detector.release(t0, lock);
        }
        detector.write(t0, x, 11); // the same thread in a later slot: never a race with itself
        detector.release(t0, lock);
        detector.acquire(t1, lock);
        detector.read(t1, x, 12); // ordered: t0 released after both writes
        detector.write(t2, x, 13); // t2 knows nothing: races with both
        assertEquals(List.of("w13 by T2 vs w11 by T0", "w13 by T2 vs r12 by T1"), races);
        assertEquals(true, slots.created() > 5, "t0 retired slots as its clock hit the limit");
    }

    @Test
    void clock_limit_still_reports_writes_made_after_the_last_release() {
        slots.setClockLimit(2);
        SyncClock lock = new SyncClock();
        for (int i = 0; i < 5; i++) {
            detector.release(t0, lock);
        }
        detector.write(t0, x, 10);
        detector.acquire(t1, lock);
        detector.read(t1, x, 11);
        assertEquals(List.of("r11 by T1 vs w10 by T0"), races);
    }

    @Test
    void retired_slots_are_never_handed_out_again() {
        slots.setClockLimit(5);
        VectorClock knowledge = new VectorClock();
        int used = slots.assign(knowledge);
        slots.release(used, 5, 5); // its clock reached the limit
        assertEquals(0, slots.freeCount());
        knowledge.set(used, 5); // even a thread ordered after it does not get it back
        int next = slots.assign(knowledge);
        assertEquals(used + 1, next);
        assertEquals(1, knowledge.get(next));
    }

    @Test
    void freed_slot_continues_its_clock_above_the_last_occupant() {
        VectorClock first = new VectorClock();
        int slot = slots.assign(first);
        slots.release(slot, 7, 9);
        VectorClock second = new VectorClock();
        second.set(slot, 7);
        assertEquals(slot, slots.assign(second));
        assertEquals(10, second.get(slot));
    }

    @Test
    void many_live_threads_get_distinct_slots() {
        List<ThreadState> live = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ThreadState t = thread("t" + i);
            detector.fork(t0, t);
            detector.write(t, new VarState(i), i);
            live.add(t);
        }
        detector.write(live.get(150), x, 1);
        detector.write(live.get(199), x, 2);
        assertEquals(List.of("w2 by t199 vs w1 by t150"), races);
    }

    @Test
    void hand_over_orders_the_registrar_before_the_thread_started_later() {
        VarState y = new VarState(8);
        ThreadState hook = thread("hook");
        detector.write(t1, x, 11);
        detector.handOver(t1, hook); // t1 registers the hook
        detector.write(t1, y, 12); // after the registration: unordered with the hook
        detector.fork(t2, hook); // started by a thread that knows nothing of t1
        detector.read(hook, x, 13);
        detector.read(hook, y, 14);
        assertEquals(List.of("r14 by hook vs w12 by T1"), races);
    }

    // ---- parked threads give their slot back (Detector.detach) ----------------------------------

    @Test
    void a_thread_inside_racedet_keeps_its_slot_when_unmounted() {
        detector.write(t0, x, 10);
        int slot = t0.slot();
        t0.insideRacedet = true;                // blocked on one of racedet's locks, mid-event
        detector.detach(t0);
        assertEquals(slot, t0.slot());
    }

    @Test
    void a_parked_thread_keeps_its_own_earlier_accesses_ordered_in_its_next_slot() {
        detector.write(t0, x, 10);
        int before = t0.slot();
        detector.detach(t0);
        assertEquals(-1, t0.slot());
        detector.write(t1, new VarState(8), 1); // t1 is not ordered after t0: a fresh slot
        detector.read(t0, x, 11);               // t0 again, perhaps in another slot: its own write
        detector.write(t0, x, 12);
        assertEquals(List.of(), races);
        assertEquals(true, t1.slot() != before);
    }

    @Test
    void a_parked_threads_slot_goes_to_a_thread_ordered_after_it_and_its_accesses_still_race() {
        SyncClock handOff = new SyncClock();
        detector.write(t0, x, 10);
        detector.release(t0, handOff);
        int parked = t0.slot();
        detector.detach(t0);
        detector.acquire(t1, handOff);
        detector.write(t1, new VarState(8), 1);
        assertEquals(parked, t1.slot());        // exact reuse: t1 is ordered after all t0 published
        detector.write(t0, x, 11);              // t0 wakes: ordered after its own write
        detector.write(t2, x, 12);              // t2 knows neither
        assertEquals(List.of("w12 by T2 vs w11 by T0"), races);
    }

    @Test
    void past_the_share_limit_a_free_slot_is_shared_rather_than_a_new_one_made() {
        List<ThreadState> parked = new ArrayList<>();
        for (int i = 0; i < Slots.SHARE_ABOVE; i++) {
            ThreadState t = thread("p" + i);
            detector.write(t, new VarState(100 + i), i);  // a slot each, published
            parked.add(t);
        }
        int oldest = parked.get(0).slot();
        parked.forEach(detector::detach);       // given back without the lock: free at the next assignment
        assertEquals(Slots.SHARE_ABOVE, slots.created());
        ThreadState late = thread("late");
        detector.write(late, x, 1);             // ordered after none of them: shares the oldest
        assertEquals(Slots.SHARE_ABOVE, slots.created());
        assertEquals(1, slots.shared());
        assertEquals(oldest, late.slot());
        assertEquals(Slots.SHARE_ABOVE - 1, slots.freeCount());
        detector.write(t1, x, 2);               // a thread unordered with the sharer still races
        assertEquals(List.of("w2 by T1 vs w1 by late"), races);
    }
}
