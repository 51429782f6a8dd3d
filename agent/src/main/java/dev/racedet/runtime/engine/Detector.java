package dev.racedet.runtime.engine;

/**
 * The happens-before analysis: FastTrack over vector clocks, one method per event. It knows nothing
 * of bytecode, threads or objects: callers hand it the states involved, so unit tests can drive it
 * with event scripts. Accesses ({@link #read}, {@link #write}) may be called concurrently by the
 * threads they describe; a sync event must be called by the thread performing it, at the point the
 * Java Memory Model places the edge (acquire after the real acquire, release before the real release).
 */
public final class Detector {
    private final RaceListener listener;

    public Detector(RaceListener listener) {
        this.listener = listener;
    }

    /** Thread {@code t} reads the field shadowed by {@code v} at {@code site}. */
    public void read(ThreadState t, VarState v, int site) {
        long e = t.epoch;
        long r = v.read;
        if (r == e) {
            return; // same epoch: already recorded
        }
        if (r == VarState.READ_SHARED) {
            int[] clocks = v.readClocks;
            if (clocks != null && t.tid < clocks.length && clocks[t.tid] == Epoch.clock(e)) {
                return;
            }
        }
        synchronized (v) {
            readSlow(t, v, site);
        }
    }

    private void readSlow(ThreadState t, VarState v, int site) {
        long w = v.write;
        if (!t.clock.covers(w)) {
            listener.race(v, t, false, site, Epoch.tid(w), true, v.writeSite);
        }
        long r = v.read;
        if (r == VarState.READ_SHARED) {
            recordSharedRead(v, t.tid, Epoch.clock(t.epoch), site);
        } else if (t.clock.covers(r)) {
            v.read = t.epoch; // the previous read is ordered before this one: stay exclusive
            v.readSite = site;
        } else {
            v.readClocks = new int[Math.max(Epoch.tid(r), t.tid) + 1];
            v.readSites = new int[v.readClocks.length];
            recordSharedRead(v, Epoch.tid(r), Epoch.clock(r), v.readSite);
            recordSharedRead(v, t.tid, Epoch.clock(t.epoch), site);
            v.read = VarState.READ_SHARED;
        }
    }

    private static void recordSharedRead(VarState v, int tid, int clock, int site) {
        if (tid >= v.readClocks.length) {
            v.readClocks = java.util.Arrays.copyOf(v.readClocks, tid + 1);
            v.readSites = java.util.Arrays.copyOf(v.readSites, tid + 1);
        }
        v.readSites[tid] = site;
        v.readClocks[tid] = clock;
    }

    /** Thread {@code t} writes the field shadowed by {@code v} at {@code site}. */
    public void write(ThreadState t, VarState v, int site) {
        if (v.write == t.epoch) {
            return; // same epoch: already recorded
        }
        synchronized (v) {
            writeSlow(t, v, site);
        }
    }

    private void writeSlow(ThreadState t, VarState v, int site) {
        long w = v.write;
        if (!t.clock.covers(w)) {
            listener.race(v, t, true, site, Epoch.tid(w), true, v.writeSite);
        }
        long r = v.read;
        if (r == VarState.READ_SHARED) {
            int[] clocks = v.readClocks;
            for (int u = 0; u < clocks.length; u++) {
                if (clocks[u] > t.clock.get(u)) {
                    listener.race(v, t, true, site, u, false, v.readSites[u]);
                }
            }
            v.read = Epoch.NONE; // every read is now ordered before this write, or reported
            v.readClocks = null;
            v.readSites = null;
        } else if (!t.clock.covers(r)) {
            listener.race(v, t, true, site, Epoch.tid(r), false, v.readSite);
        }
        v.write = t.epoch;
        v.writeSite = site;
    }

    /** {@code t} acquired {@code s}: a monitor entered, a volatile read, a lock taken. */
    public void acquire(ThreadState t, SyncClock s) {
        s.joinInto(t.clock);
    }

    /** {@code t} is about to release {@code s}: a monitor exit, a volatile write, a lock release. */
    public void release(ThreadState t, SyncClock s) {
        s.joinFrom(t.clock);
        t.tick();
    }

    /** {@code parent} starts the thread {@code child}, which has not run yet. */
    public void fork(ThreadState parent, ThreadState child) {
        child.clock.join(parent.clock);
        child.tick();
        parent.tick();
    }

    /** {@code joiner} has seen {@code joined} terminate (Thread.join returned, isAlive false). */
    public void join(ThreadState joiner, ThreadState joined) {
        joiner.clock.join(joined.clock);
    }

    /** {@code t} finished the static initializer of class {@code classId}, whose clock is {@code init}. */
    public void classInitialized(ThreadState t, SyncClock init) {
        release(t, init);
    }

    /**
     * {@code t} used class {@code classId} after its initialization: the first use in each thread
     * acquires the initializer's clock, later uses cost one bit test.
     */
    public void classUsed(ThreadState t, int classId, SyncClock init) {
        if (!t.hasSeenClass(classId)) {
            acquire(t, init);
            t.markClassSeen(classId);
        }
    }
}
