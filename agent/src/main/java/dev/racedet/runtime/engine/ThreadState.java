package dev.racedet.runtime.engine;

/**
 * What the detector knows of one thread: its vector clock, its clock slot and current epoch (both
 * assigned lazily, see {@link Slots}), and who it is for reports. Only the owning thread mutates it,
 * except in {@link Detector#fork}, which runs before the child runs, and {@link Detector#join}, which
 * reads it after the thread terminated.
 */
public final class ThreadState {
    /** The epoch of a thread that has no slot yet: never equal to a recorded epoch. */
    static final long UNASSIGNED = Long.MIN_VALUE;
    /*
     * Empty arrays every state starts with, grown on first use: a started virtual thread that has
     * not run yet (a program may queue 100,000) should cost little more than its clock.
     */
    private static final Object[] NO_OBJECTS = {};
    private static final int[] NO_INTS = {};
    private static final SyncClock[] NO_CLOCKS = {};
    private static final long[] NO_LONGS = {};

    /** This thread's slot in every vector clock, or -1 before it needs one and after it terminated. */
    int slot = -1;
    final VectorClock clock = new VectorClock();
    /** {@code Epoch.of(slot, clock.get(slot))}, cached for the same-epoch fast path. */
    long epoch = UNASSIGNED;
    /** The highest own clock value recorded anywhere (shadow state, a sync clock, a child), or 0. */
    long published;
    /** Set by the first {@link Detector#fork} of this thread: a thread starts once. */
    boolean forked;
    /** Set by {@link Detector#terminate}: later events of this thread are ignored. */
    boolean terminated;
    final ThreadIdentity identity;
    /** Unique among all thread states ever created (wraps after 2^32): names this state in {@link SyncClock}. */
    final int serial = nextSerial();
    /**
     * True while this thread runs racedet's own code (a hook, the transformer, racedet's threads):
     * synchronization it performs then is racedet's, not the program's, and its hooks return at once.
     * Only the owning thread reads or writes it.
     */
    public boolean insideRacedet;
    /**
     * The calling context this thread is in ({@link CallingContexts}): the node of its innermost call
     * into checked code, {@link CallingContexts#ROOT} outside any. Only the owning thread writes it.
     */
    public int context = CallingContexts.ROOT;
    /**
     * The site of the last call instruction checked code made in this thread, or -1: the call the
     * next checked method entered was made from (when checked code called it directly).
     */
    public int callSite = -1;
    /** Entries of {@link #enterKeys}: a power of two. */
    public static final int ENTER_CACHE = 32;
    /**
     * The contexts {@code ContextHooks.enter} computed last, direct-mapped by call site: per entry
     * the parent context and site ({@code parent << 32 | site}; -1: empty) and the node. A loop
     * calling a few methods from a few places finds them here instead of in the shared tree.
     * {@code null} until the thread first enters a checked method from a known site.
     */
    public long[] enterKeys;
    public int[] enterNodes;
    /** The monitors this thread holds, outermost first ({@link HeldLocks}); owner thread only. */
    Object[] heldMonitors = NO_OBJECTS;
    /** The lock frame id of each held monitor ({@link HeldLocks}), parallel to {@link #heldMonitors}. */
    int[] heldIds = NO_INTS;
    /** The clock of each held monitor, parallel to {@link #heldMonitors}: the exit needs no lookup. */
    SyncClock[] heldClocks = NO_CLOCKS;
    /**
     * The clocks of the monitors this thread entered last ({@link HeldLocks#cachedClock}), a few
     * entries scanned by identity, replaced round robin; {@code null} until first used.
     */
    Object[] monitorKeys;
    SyncClock[] monitorClocks;
    int monitorNext;
    int heldCount;
    /** {@link HeldLocks}' memo of lock frame ids: the class (or class object) last seen and its id. */
    Object lastLockKey;
    boolean lastLockIsClass;
    int lastLockId;
    /** {@link HeldLocks#context}'s cache: the calling context it was computed for (-1: none) and the result. */
    int lockedBase = -1;
    /** The lock frame ids {@link #lockedContext} was computed for (its first {@code lockedCount}). */
    int[] lockedIds = NO_INTS;
    int lockedCount;
    int lockedContext;
    /**
     * The site of the call from checked code into a JDK collection that this thread is in, or -1:
     * the JDK collection fields it touches meanwhile are checked and reported there.
     */
    public int collectionSite = -1;
    /** Collection call sites kept aside while a callback into checked code runs ({@code ContextHooks}). */
    public int[] suspendedCollectionSites;
    public int suspendedCollectionDepth;
    /**
     * The site of a plain {@code VarHandle.get}/{@code set} call from checked code that this thread
     * is about to make, or -1: the first plain access of a field or array element by the JDK's
     * {@code VarHandle} implementation that follows takes it (and resets it) and is checked there.
     */
    public int varHandleSite = -1;
    /**
     * Inside a {@code StampedLock} optimistic read section (after {@code tryOptimisticRead}, before
     * the thread's next {@code StampedLock} call): plain reads are tentative, kept here until
     * {@code validate} says whether they count.
     */
    public boolean optimisticReads;
    /** Entries of the tentative read buffers. */
    public static final int TENTATIVE_READS = 32;
    /**
     * The tentative reads of the current optimistic section (states and sites), at most
     * {@link #TENTATIVE_READS}; {@code null} until the thread's first optimistic read section
     * ({@link #makeTentativeBuffers}), since few threads ever have one.
     */
    public VarState[] tentativeReads;
    public int[] tentativeSites;
    /** The last write each tentative read could have seen (its state's write epoch then). */
    public long[] tentativeWrites;
    public int tentativeCount;
    /**
     * Text a {@link RaceListener} produced while the detector held a lock, for the caller to print
     * after the event returns. Only the owning thread reads or writes it.
     */
    public String pendingOutput;
    /**
     * Locations this thread stored into with a plain {@code Unsafe} reference store since its last
     * release, oldest first ({@code PlainWrites}): bases and offsets, {@code null} until the first
     * one. Only the owning thread reads or writes them.
     */
    public Object[] plainWriteBases;
    public long[] plainWriteOffsets;
    public int plainWriteCount;
    /**
     * The thread's array shadow cache ({@code ArrayCache}): arrays and their shadows by slot,
     * {@code null} until its first array access. Only the owning thread reads or writes them.
     */
    public Object[] arrayKeys;
    public Object[] arrayShadows;
    /**
     * The clocks of the volatile fields this thread used last ({@code LocationCache}): objects, field
     * ids and clocks by slot, {@code null} until first used. Only the owning thread reads or writes them.
     */
    public Object[] locationOwners;
    public int[] locationFields;
    public SyncClock[] locationClocks;
    /** Entries of {@link #recordMemo}: a power of two. */
    static final int RECORD_MEMO = 32;
    /**
     * The detector's memo of recorded stacks ({@code Detector.recordedAccess}): per entry the
     * context, the site and what was recorded, indexed by site; {@code null} until first used.
     */
    int[] recordMemo;
        /** One bit per class id: this thread has already acquired that class's initialization. */
    private long[] classesSeen = NO_LONGS;

    /**
     * @param thread the thread, or {@code null} in event scripts
     * @param fallbackName the name reports use if {@code thread} is null or collected
     */
    public ThreadState(Thread thread, String fallbackName) {
        this.identity = new ThreadIdentity(thread, fallbackName);
    }

    /** Makes the tentative read buffers (owner thread only). */
    public void makeTentativeBuffers() {
        tentativeSites = new int[TENTATIVE_READS];
        tentativeWrites = new long[TENTATIVE_READS];
        tentativeReads = new VarState[TENTATIVE_READS];
    }

    /**
     * Drops the caches a terminated thread no longer needs (owner thread only). What stays is what a
     * later {@code join} and reports need: the clock and the identity. A program that keeps many
     * terminated threads reachable (a list of 100,000 virtual threads it joins at the end) keeps
     * their states alive; each should cost little more than its clock.
     */
    void dropCaches() {
        enterKeys = null;
        enterNodes = null;
        recordMemo = null;
        tentativeReads = null;
        tentativeSites = null;
        tentativeWrites = null;
        tentativeCount = 0;
        optimisticReads = false;
    }

    /** Makes {@link #enterKeys} and {@link #enterNodes} (owner thread only). */
    public void makeEnterCache() {
        long[] keys = new long[ENTER_CACHE];
        java.util.Arrays.fill(keys, -1L);
        enterNodes = new int[ENTER_CACHE];
        enterKeys = keys;
    }

    private static int serials;

    private static synchronized int nextSerial() {
        return serials++;
    }

    public ThreadIdentity identity() {
        return identity;
    }

    /** The thread's current name, or its name when first seen if it has been collected. */
    public String name() {
        return identity.name();
    }

    public long epoch() {
        return epoch;
    }

    /**
     * Whether the thread terminated ({@link Detector#terminate}): its per-thread caches must then
     * stay empty, since the JDK's exit code still runs on it and may use the thread's own object,
     * which a cache would keep alive through this state.
     */
    public boolean isTerminated() {
        return terminated;
    }

    /** The clock slot, or -1 while the thread has none. */
    public int slot() {
        return slot;
    }

    /** True when {@code epoch} (another thread's, or this one's) happens-before this thread's present. */
    public boolean knows(long epoch) {
        return clock.covers(epoch);
    }

    public boolean hasSeenClass(int classId) {
        int word = classId >>> 6;
        return word < classesSeen.length && (classesSeen[word] & (1L << classId)) != 0;
    }

    void markClassSeen(int classId) {
        int word = classId >>> 6;
        if (word >= classesSeen.length) {
            classesSeen = java.util.Arrays.copyOf(classesSeen, Math.max(word + 1, classesSeen.length * 2));
        }
        classesSeen[word] |= 1L << classId;
    }

    @Override
    public String toString() {
        return "T" + slot + clock;
    }
}
