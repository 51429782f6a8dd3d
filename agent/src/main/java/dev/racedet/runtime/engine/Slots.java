package dev.racedet.runtime.engine;

import java.util.Arrays;

/**
 * Hands out vector clock slots to threads and takes them back when threads terminate, so clocks are
 * as long as the number of threads alive, not the number ever started.
 *
 * <p><b>Why reuse is exact.</b> A slot's clock values only grow across its occupants: the next
 * occupant starts above the last value its predecessor used. A thread that knows a later occupant at
 * clock {@code c} therefore also "knows" every earlier occupant up to {@code c}, which is only true if
 * the later occupant started after everything the earlier one did. So a free slot is given only to a
 * thread whose clock already covers the last epoch its previous occupant published (recorded in an
 * access, released, or handed to a child); then every epoch of the dead thread still held in shadow
 * state is ordered before the new occupant, and nobody learns of the new occupant without also
 * really being ordered after the old one. No false race, no missed one. A slot whose previous
 * occupant nobody has synchronized with stays free until some later thread has; meanwhile new
 * threads take other slots.
 *
 * <p>Slot assignment is lazy ({@link ThreadState} asks for one when it first needs an epoch), so a
 * thread that first acquires what its predecessor released (a lock, a volatile, a join) can take
 * that predecessor's slot. All methods but {@link #releaseLater} take this object's lock; they run
 * when a thread starts, ends, or (a virtual thread) is unmounted and mounted again, never per access
 * or per synchronization.
 *
 * <p><b>When slots run short.</b> Threads that wait also give their slot back (an unmounted virtual
 * thread, {@link Detector#detach}), and a program may keep 100,000 of them waiting, each having
 * published after the last thing the others acquired from it. Exact reuse would then make a slot per
 * waiting thread, clocks as wide as the threads waiting, and memory grow with their square. So once
 * {@link #SHARE_ABOVE} slots exist, a thread that covers no free slot takes the free slot released
 * longest ago anyway ({@link #shared}). That can only hide races, never make one up: a thread ordered
 * after the new occupant is taken to be ordered after the old one's last accesses too. Slot numbers
 * stay below the number of threads running at once plus {@link #SHARE_ABOVE}.
 */
public final class Slots {
    /** Slots made before free slots are shared without being covered. */
    public static final int SHARE_ABOVE = 64;
    private long clockLimit = Epoch.MAX_CLOCK;
    /** Number of slots ever created; slots {@code 0 .. created-1} exist. */
    private int created;
    /** Per slot: the first clock value its next occupant uses. */
    private long[] nextClock = new long[64];
    /** Per free slot: the epoch clock its last occupant published, which the next one must cover. */
    private long[] mustCover = new long[64];
    /** The free slots; {@code freeIndex[slot]} is the slot's index in it, or -1. */
    private int[] free = new int[64];
    private int freeCount;
    private int[] freeIndex = new int[64];
    /** Per slot: when it was last freed (a count of releases), to share the one free longest. */
    private long[] freedAt = new long[64];
    private long releases;
    /** Free slots taken by a thread that did not cover their last occupant. */
    private long shared;

    /** A slot given back by {@link #releaseLater}, not yet taken into the free list. */
    private record Pending(int slot, long published, long last, Pending next) {
    }

    private final java.util.concurrent.atomic.AtomicReference<Pending> pending =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * {@link #release} without this object's lock, for a thread that must never wait for racedet (a
     * carrier of virtual threads): the slot joins the free list at the next locked call.
     */
    void releaseLater(int slot, long published, long last) {
        Pending head;
        Pending added;
        do {
            head = pending.get();
            added = new Pending(slot, published, last, head);
        } while (!pending.compareAndSet(head, added));
    }

    /** Moves the slots given back by {@link #releaseLater} to the free list (holding the lock). */
    private void takePending() {
        if (pending.get() == null) {
            return;
        }
        Pending oldestFirst = null; // the stack holds the newest first: keep freedAt in release order
        for (Pending p = pending.getAndSet(null); p != null; p = p.next()) {
            oldestFirst = new Pending(p.slot(), p.published(), p.last(), oldestFirst);
        }
        for (Pending p = oldestFirst; p != null; p = p.next()) {
            release(p.slot(), p.published(), p.last());
        }
    }

    /**
     * Diagnostic: the clock value at which a thread moves to a fresh slot (default {@link
     * Epoch#MAX_CLOCK}). Set before any thread has a slot.
     */
    public synchronized void setClockLimit(long limit) {
        if (limit < 2 || limit > Epoch.MAX_CLOCK) {
            throw new IllegalArgumentException("clock limit must be in [2, " + Epoch.MAX_CLOCK + "]: " + limit);
        }
        clockLimit = limit;
    }

    public synchronized long clockLimit() {
        return clockLimit;
    }

    /** How many slots exist (in use, free or retired): the length a vector clock can reach. */
    public synchronized int created() {
        return created;
    }

    /** How many slots are free. */
    public synchronized int freeCount() {
        takePending();
        return freeCount;
    }

    /**
     * A slot for a thread whose clock is {@code knowledge}, and sets that clock's entry for it to the
     * slot's first value. Returns the slot.
     */
    synchronized int assign(VectorClock knowledge) {
        takePending();
        int slot = coveredFreeSlot(knowledge);
        if (slot < 0 && created >= SHARE_ABOVE && freeCount > 0) {
            slot = longestFree();
            shared++;
        }
        if (slot < 0) {
            slot = newSlot();
        } else {
            removeFree(slot);
        }
        long first = nextClock[slot];
        knowledge.set(slot, first);
        return slot;
    }

    /**
     * Gives back {@code slot}, whose occupant published epochs up to clock {@code published} and
     * whose clock reached {@code last}. A slot whose clock cannot grow any more is retired instead.
     */
    synchronized void release(int slot, long published, long last) {
        if (last + 1 > clockLimit) {
            return; // retired: its values are used up, so it is never handed out again
        }
        nextClock[slot] = last + 1;
        mustCover[slot] = published;
        freedAt[slot] = ++releases;
        freeIndex[slot] = freeCount;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = slot;
    }

    /** Whether {@code clock} may be ticked once more in its slot. */
    boolean canTick(long clock) {
        return clock < clockLimit; // clockLimit is only written before threads exist
    }

    /** A free slot whose last occupant {@code knowledge} is ordered after, or -1. */
    private int coveredFreeSlot(VectorClock knowledge) {
        if (freeCount <= knowledge.length()) {
            for (int i = freeCount - 1; i >= 0; i--) { // most recently freed first
                int slot = free[i];
                if (knowledge.get(slot) >= mustCover[slot]) {
                    return slot;
                }
            }
        } else {
            for (int slot = 0; slot < knowledge.length(); slot++) {
                if (freeIndex[slot] >= 0 && knowledge.get(slot) >= mustCover[slot]) {
                    return slot;
                }
            }
        }
        return -1;
    }

    /** How many free slots were taken by a thread that did not cover their last occupant. */
    public synchronized long shared() {
        return shared;
    }

    /** The free slot released longest ago (there is one). */
    private int longestFree() {
        int best = free[0];
        for (int i = 1; i < freeCount; i++) {
            if (freedAt[free[i]] < freedAt[best]) {
                best = free[i];
            }
        }
        return best;
    }

    private int newSlot() {
        if (created > Epoch.MAX_SLOT) {
            throw new IllegalStateException("more than " + Epoch.MAX_SLOT + " threads alive at once");
        }
        int slot = created++;
        if (slot == nextClock.length) {
            int size = slot * 2;
            nextClock = Arrays.copyOf(nextClock, size);
            mustCover = Arrays.copyOf(mustCover, size);
            freeIndex = Arrays.copyOf(freeIndex, size);
            freedAt = Arrays.copyOf(freedAt, size);
        }
        nextClock[slot] = 1;
        freeIndex[slot] = -1;
        return slot;
    }

    private void removeFree(int slot) {
        int at = freeIndex[slot];
        int last = free[--freeCount];
        free[at] = last;
        freeIndex[last] = at;
        freeIndex[slot] = -1;
    }
}
