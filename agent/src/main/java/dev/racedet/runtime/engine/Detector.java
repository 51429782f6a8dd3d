package dev.racedet.runtime.engine;

/**
 * The happens-before analysis: FastTrack over vector clocks, one method per event. It knows nothing
 * of bytecode, threads or objects: callers hand it the states involved, so unit tests can drive it
 * with event scripts. Accesses ({@link #read}, {@link #write}) may be called concurrently by the
 * threads they describe; a sync event must be called by the thread performing it, at the point the
 * Java Memory Model places the edge (acquire after the real acquire, release before the real release).
 *
 * <p>Threads get a clock slot when they first need an epoch and give it back when they terminate
 * ({@link #terminate}); {@link Slots} says why reusing slots is exact. Events of a terminated thread
 * are ignored.
 */
public final class Detector {
    private final RaceListener listener;
    private final Slots slots;

    public Detector(RaceListener listener) {
        this(listener, new Slots());
    }

    public Detector(RaceListener listener, Slots slots) {
        this.listener = listener;
        this.slots = slots;
    }

    public Slots slots() {
        return slots;
    }

    /** Thread {@code t} reads the field shadowed by {@code v} at {@code site}. */
    public void read(ThreadState t, VarState v, int site) {
        long e = t.epoch;
        long r = v.read;
        if (r == e) {
            return; // same epoch: already recorded
        }
        if (r == VarState.READ_SHARED) {
            long[] clocks = v.readClocks;
            int s = t.slot;
            if (clocks != null && s >= 0 && s < clocks.length
                    && (clocks[s] == Epoch.clock(e) || sharedReadWithoutLock(t, v, site))) {
                return;
            }
        }
        if (hasSlot(t)) {
            synchronized (v) {
                readSlow(t, v, site);
            }
        }
    }

    /**
     * A read of a state already read-shared, by a thread that has its entry there and is ordered after
     * the last write: only the thread's own entry changes, so it is stored without the state's lock
     * (data several threads read in every epoch, such as settings or lookup tables, would otherwise
     * make each read wait for that lock, and for whoever holds it to be scheduled again). False, after
     * changing nothing that counts, if the locked path must do it: the write is unordered (a race to
     * report), the state is changing, or it changed meanwhile.
     *
     * <p>Why nothing is lost: a writer or a resize (under the lock) first makes {@link VarState#version}
     * odd, then fences, then reads the entries; this read stores its entry, fences, then checks that
     * the version is what it was. Of two such fenced sequences one sees the other's store: either the
     * writer sees this read (and reports it if unordered), or this read sees the new version and is
     * redone under the lock.
     */
    private boolean sharedReadWithoutLock(ThreadState t, VarState v, int site) {
        int version = v.version;
        if ((version & 1) != 0) {
            return false;
        }
        long[] clocks = v.readClocks;
        int[] sites = v.readSites;
        ThreadIdentity[] readers = v.readers;
        int s = t.slot;
        if (v.read != VarState.READ_SHARED || clocks == null || sites == null || readers == null
                || s >= clocks.length || s >= sites.length || s >= readers.length || !t.clock.covers(v.write)) {
            return false;
        }
        t.published = Epoch.clock(t.epoch);
        t.identity.recent.add(RecentEvents.READ, t.context, site);
        sites[s] = recordedAccess(t, site);
        readers[s] = t.identity;
        clocks[s] = t.published;
        MemoryFence.full();
        return v.version == version;
    }

    /** Starts a change of {@code v} that a read without the lock must not miss (see {@link #sharedReadWithoutLock}); under its lock. */
    private static void beginSharedChange(VarState v) {
        v.version++; // odd; a volatile store: the fence comes with it, but say it outright
        MemoryFence.full();
    }

    /** Ends it. */
    private static void endSharedChange(VarState v) {
        v.version++;
    }

    private void readSlow(ThreadState t, VarState v, int site) {
        long w = v.write;
        if (!t.clock.covers(w)) {
            listener.race(v, t, false, site, v.writeBy, true, v.writeSite);
        }
        t.published = Epoch.clock(t.epoch);
        t.identity.recent.add(RecentEvents.READ, t.context, site);
        int recorded = recordedAccess(t, site);
        long r = v.read;
        if (r == VarState.READ_SHARED) {
            recordSharedRead(v, t.slot, t.published, recorded, t.identity);
        } else if (t.clock.covers(r)) {
            v.read = t.epoch; // the previous read is ordered before this one: stay exclusive
            v.readSite = recorded;
            v.readBy = t.identity;
        } else {
            int size = Math.max(Epoch.slot(r), t.slot) + 1;
            v.readClocks = new long[size];
            v.readSites = new int[size];
            v.readers = new ThreadIdentity[size];
            recordSharedRead(v, Epoch.slot(r), Epoch.clock(r), v.readSite, v.readBy);
            recordSharedRead(v, t.slot, t.published, recorded, t.identity);
            v.read = VarState.READ_SHARED;
            v.readBy = null;
        }
    }

    private static void recordSharedRead(VarState v, int slot, long clock, int site, ThreadIdentity by) {
        if (slot >= v.readClocks.length) {
            int size = slot + 1;
            beginSharedChange(v); // entries stored meanwhile in the old arrays would be lost
            v.readClocks = java.util.Arrays.copyOf(v.readClocks, size);
            v.readSites = java.util.Arrays.copyOf(v.readSites, size);
            v.readers = java.util.Arrays.copyOf(v.readers, size);
            endSharedChange(v);
        }
        v.readSites[slot] = site;
        v.readers[slot] = by;
        v.readClocks[slot] = clock;
    }

    /**
     * Thread {@code t} read the field shadowed by {@code v} at {@code site}, seeing the write of epoch
     * {@code sawWrite}: reports that write if it is unordered with {@code t}, and records nothing
     * (a read whose value was validated afterwards, see {@code FieldHooks.validate}).
     */
    public void checkRead(ThreadState t, VarState v, int site, long sawWrite) {
        if (t.clock.covers(sawWrite)) {
            return;
        }
        synchronized (v) {
            if (v.write == sawWrite) {
                listener.race(v, t, false, site, v.writeBy, true, v.writeSite);
            }
        }
    }

    /** Thread {@code t} writes the field shadowed by {@code v} at {@code site}. */
    public void write(ThreadState t, VarState v, int site) {
        if (v.write == t.epoch) {
            return; // same epoch: already recorded
        }
        if (hasSlot(t)) {
            synchronized (v) {
                writeSlow(t, v, site);
            }
        }
    }

    private void writeSlow(ThreadState t, VarState v, int site) {
        long w = v.write;
        if (!t.clock.covers(w)) {
            listener.race(v, t, true, site, v.writeBy, true, v.writeSite);
        }
        long r = v.read;
        if (r == VarState.READ_SHARED) {
            beginSharedChange(v); // reads stored without the lock from now on are redone under it
            long[] clocks = v.readClocks;
            for (int u = 0; u < clocks.length; u++) {
                if (clocks[u] > t.clock.get(u)) {
                    listener.race(v, t, true, site, v.readers[u], false, v.readSites[u]);
                }
            }
            v.read = Epoch.NONE; // every read is now ordered before this write, or reported
            v.readClocks = null;
            v.readSites = null;
            v.readers = null;
            endSharedChange(v);
        } else if (!t.clock.covers(r)) {
            listener.race(v, t, true, site, v.readBy, false, v.readSite);
        }
        t.published = Epoch.clock(t.epoch);
        v.write = t.epoch;
        t.identity.recent.add(RecentEvents.WRITE, t.context, site);
        v.writeSite = recordedAccess(t, site);
        v.writeBy = t.identity;
    }

    /**
     * Thread {@code t}'s access at {@code site} is the first of the field shadowed by {@code fresh}, a
     * new state no other thread can see yet (the caller publishes it afterwards, with a
     * compare-and-set whose volatile semantics make these stores visible to whoever finds it): the
     * access is recorded without a lock, and there is nothing it could race with. False, recording
     * nothing, if {@code t} terminated.
     */
    public boolean firstAccess(ThreadState t, VarState fresh, int site, boolean write) {
        if (!hasSlot(t)) {
            return false;
        }
        t.published = Epoch.clock(t.epoch);
        t.identity.recent.add(write ? RecentEvents.WRITE : RecentEvents.READ, t.context, site);
        int recorded = recordedAccess(t, site);
        if (write) {
            fresh.write = t.epoch;
            fresh.writeSite = recorded;
            fresh.writeBy = t.identity;
        } else {
            fresh.read = t.epoch;
            fresh.readSite = recorded;
            fresh.readBy = t.identity;
        }
        return true;
    }

    /**
     * What an access of {@code t} at {@code site} records of its stack ({@link CallingContexts#record}
     * in the thread's context with its held monitors), memoized per thread by site: the tree only
     * grows, so a (context, site) pair always gives the same value.
     */
    private static int recordedAccess(ThreadState t, int site) {
        int context = HeldLocks.context(t);
        int[] memo = t.recordMemo;
        int i = (site & (ThreadState.RECORD_MEMO - 1)) * 3;
        if (memo != null && memo[i] == context && memo[i + 1] == site) {
            return memo[i + 2];
        }
        int recorded = CallingContexts.record(context, site);
        if (memo == null) {
            memo = t.recordMemo = new int[ThreadState.RECORD_MEMO * 3];
            java.util.Arrays.fill(memo, -1);
        }
        memo[i] = context;
        memo[i + 1] = site;
        memo[i + 2] = recorded;
        return recorded;
    }

    /** {@code t} acquired {@code s}: a monitor entered, a volatile read, a lock taken. */
    public void acquire(ThreadState t, SyncClock s) {
        s.joinInto(t);
        t.identity.recent.add(RecentEvents.ACQUIRE, t.context, t.callSite);
    }

    /**
     * {@code t} entered the monitor whose clock is {@code s} (and holds it): {@link #acquire} without
     * the clock's lock, which the monitor makes unneeded.
     */
    public void acquireMonitor(ThreadState t, SyncClock s) {
        s.joinIntoHolder(t);
        t.identity.recent.add(RecentEvents.ACQUIRE, t.context, t.callSite);
    }

    /** {@code t} is about to exit the monitor whose clock is {@code s}: {@link #release} without the clock's lock. */
    public void releaseMonitor(ThreadState t, SyncClock s) {
        release(t, s, true);
    }

    /** {@code t} is about to release {@code s}: a monitor exit, a volatile write, a lock release. */
    public void release(ThreadState t, SyncClock s) {
        release(t, s, false);
    }

    private void release(ThreadState t, SyncClock s, boolean monitorHeld) {
        if (hasSlot(t)) {
            t.identity.recent.add(RecentEvents.RELEASE, t.context, t.callSite);
            if (monitorHeld) {
                s.joinFromHolder(t);
            } else {
                s.joinFrom(t);
            }
            t.published = Epoch.clock(t.epoch);
            tick(t);
        }
    }

    /**
     * {@code parent} starts the thread {@code child}, which has not run yet. A thread starts once:
     * only the first fork of a child counts.
     */
    public void fork(ThreadState parent, ThreadState child) {
        if (!child.forked && passOn(parent, child)) {
            child.forked = true;
            parent.identity.recent.add(RecentEvents.START, parent.context, parent.callSite);
            child.identity.startedAt = CallingContexts.record(parent.context, parent.callSite);
        }
    }

    /**
     * {@code registrar} hands the not yet started thread {@code later} to code that will start it,
     * through synchronization racedet does not see (a shutdown hook registration): everything
     * {@code registrar} did so far happens-before {@code later}, as a start would make it.
     */
    public void handOver(ThreadState registrar, ThreadState later) {
        if (!later.forked) {
            passOn(registrar, later);
        }
    }

    /**
     * Everything {@code from} did so far happens-before {@code to}, which has not run yet; false if
     * {@code from} terminated (its events are ignored).
     */
    private boolean passOn(ThreadState from, ThreadState to) {
        if (!hasSlot(from)) {
            return false;
        }
        to.clock.join(from.clock);
        from.published = Epoch.clock(from.epoch);
        tick(from);
        return true;
    }

    /**
     * The terminated thread {@code exited} was counted out of a thread container whose owner waits
     * for the count ({@code ThreadFlock}, under a structured scope's {@code join}): its final clock is
     * joined into {@code s}, which the owner acquires when the wait returns. A thread not yet
     * terminated publishes nothing here (its own releases do).
     */
    public void countedOut(ThreadState exited, SyncClock s) {
        if (exited.terminated) {
            s.joinFrom(exited);
        }
    }

    /** {@code joiner} has seen {@code joined} terminate (Thread.join returned, isAlive false). */
    public void join(ThreadState joiner, ThreadState joined) {
        joiner.clock.join(joined.clock);
        joiner.identity.recent.add(RecentEvents.JOIN, joiner.context, joiner.callSite);
    }

    /**
     * {@code t} is terminating: its slot goes back to {@link Slots}; its clock stays, unchanged, for
     * threads that join it later. Later events of {@code t} are ignored (they are the JDK's exit
     * code, whose bookkeeping would order the thread before unrelated later threads); only a thread
     * container's count can publish its final clock ({@link #countedOut}).
     */
    public void terminate(ThreadState t) {
        if (t.terminated) {
            return;
        }
        t.terminated = true;
        t.dropCaches();
        if (t.slot >= 0) {
            slots.release(t.slot, t.published, Epoch.clock(t.epoch));
            t.slot = -1;
            t.epoch = ThreadState.UNASSIGNED;
        }
    }

    /**
     * {@code t}, a virtual thread, is unmounted (parked, blocked on a monitor, waiting): it gives its
     * slot back, as a terminating thread does, and takes one again when it next needs an epoch.
     * Exact for the same reason slot reuse is ({@link Slots}): its clock keeps the entry of the old
     * slot, so its own earlier accesses stay ordered before its later ones, and the next occupant of
     * that slot must already be ordered after everything it published there (or share it, past
     * {@link Slots#SHARE_ABOVE}).
     *
     * <p>Run by the carrier: the thread cannot run until the JDK's own synchronization mounts it
     * again, which orders this before its next event. A thread unmounted inside racedet's own code
     * (blocked on one of racedet's locks) keeps its slot, since it is in the middle of using it.
     * Takes no lock ({@link Slots#releaseLater}): a carrier must never wait for racedet.
     */
    public void detach(ThreadState t) {
        if (t.slot >= 0 && !t.terminated && !t.insideRacedet) {
            slots.releaseLater(t.slot, t.published, Epoch.clock(t.epoch));
            t.slot = -1;
            t.epoch = ThreadState.UNASSIGNED;
        }
    }

    /**
     * {@code t} used class {@code classId} after its initialization: the first use in each thread
     * acquires the initializer's clock {@code init} (which the initializing thread released into at
     * the end of the static initializer), later uses cost one bit test.
     */
    public void classUsed(ThreadState t, int classId, SyncClock init) {
        if (!t.hasSeenClass(classId)) {
            acquire(t, init);
            t.markClassSeen(classId);
        }
    }

    /**
     * {@code t}'s current epoch, giving it a slot first if it has none, or {@link Epoch#NONE} if it
     * terminated. Nothing another thread has learned of {@code t} reaches this epoch's clock value
     * (every release and start ticks after publishing), so a thread whose clock covers it is ordered
     * after this moment of {@code t} (test attribution marks the start and end of tests with it).
     */
    public long now(ThreadState t) {
        return hasSlot(t) ? t.epoch : Epoch.NONE;
    }

    /** Gives {@code t} a slot if it has none; false if it terminated (its events are ignored). */
    private boolean hasSlot(ThreadState t) {
        if (t.slot >= 0) {
            return true;
        }
        if (t.terminated) {
            return false;
        }
        takeSlot(t);
        return true;
    }

    private void takeSlot(ThreadState t) {
        int slot = slots.assign(t.clock);
        t.slot = slot;
        t.published = 0;
        t.epoch = Epoch.of(slot, t.clock.get(slot));
    }

    /**
     * Advances {@code t}'s clock. At the clock limit the thread moves to a fresh slot instead: the old
     * one is retired (never handed out again), and the thread's clock keeps knowing it, so nothing it
     * did there is forgotten.
     */
    private void tick(ThreadState t) {
        long c = Epoch.clock(t.epoch);
        if (slots.canTick(c)) {
            t.clock.set(t.slot, c + 1);
            t.epoch = Epoch.of(t.slot, c + 1);
        } else {
            takeSlot(t);
        }
    }
}
