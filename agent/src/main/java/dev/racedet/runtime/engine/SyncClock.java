package dev.racedet.runtime.engine;

/**
 * The vector clock of one synchronization location: a monitor, a volatile field or atomic location,
 * a class initialization, a fence. Releases join into it and acquires join out of it, both under
 * this object's own lock, so any number of threads may use it at once.
 *
 * <p>An acquire by the thread that made the previous acquire, with no release in between, is skipped
 * without taking the lock: the location's clock is unchanged and the thread's clock only grew since,
 * so the join would change nothing. That keeps a thread re-reading a volatile or re-entering an
 * uncontended lock off the locked path.
 */
public final class SyncClock extends VectorClock {
    /** Releases so far (wrapping); changes under the lock, read without it. */
    private volatile int version;
    /**
     * {@link ThreadState#serial} of the last acquirer and the version it joined, packed ({@link #seen}).
     * Starts at its default value (clocks are published by a data race, see {@code HookStateArray}):
     * 0 reads as "thread 0 joined version 0", which, before any release, is true of every thread.
     */
    private volatile long lastAcquire;

    /**
     * Joins the clock of {@code t} into this clock (a release by {@code t}). If {@code t} held
     * everything this clock had before (it made the last acquire, with no release since), it still
     * does afterwards, so its next acquire can be skipped too: a thread's read-modify-write (release,
     * then acquire) or lock-then-unlock on a location nobody else touches takes one join, not two.
     */
    public synchronized void joinFrom(ThreadState t) {
        joinFromHolder(t);
    }

    /** Joins this clock into the clock of {@code t} (an acquire by {@code t}). */
    public void joinInto(ThreadState t) {
        if (!holdsAll(t)) {
            synchronized (this) {
                joinIntoHolder(t);
            }
        }
    }

    /**
     * {@link #joinFrom} for a clock whose events the program itself excludes from each other: the
     * clock of a monitor, released by the thread that holds it (before the real exit). No lock: the
     * monitor orders every event of this clock, and makes each event's writes visible to the next.
     */
    public void joinFromHolder(ThreadState t) {
        boolean heldAll = length() == 0 || lastAcquire == seen(t, version);
        join(t.clock);
        int v = version + 1;
        version = v;
        if (heldAll) {
            lastAcquire = seen(t, v);
        }
    }

    /** {@link #joinInto} for a monitor's clock, by the thread that holds the monitor (after the real entry). */
    public void joinIntoHolder(ThreadState t) {
        long seen = seen(t, version);
        if (lastAcquire != seen) {
            t.clock.join(this);
            lastAcquire = seen;
        }
    }

    /**
     * Whether {@code t} made the last acquire here with no release since: its clock covers this
     * one, so acquiring again would change nothing. No lock; a stale view only answers false.
     */
    public boolean holdsAll(ThreadState t) {
        return lastAcquire == seen(t, version);
    }

    private static long seen(ThreadState t, int version) {
        return ((long) t.serial << 32) | (version & 0xFFFF_FFFFL);
    }

    @Override
    public synchronized String toString() {
        return entries();
    }
}
