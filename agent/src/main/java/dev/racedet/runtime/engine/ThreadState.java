package dev.racedet.runtime.engine;

import java.lang.ref.WeakReference;

/**
 * What the detector knows of one thread: its clock slot, its vector clock and its current epoch.
 * Only the owning thread mutates {@link #clock} and {@link #epoch}, except in {@link Detector#fork},
 * which runs before the child thread exists as a running thread.
 */
public final class ThreadState {
    /** This thread's slot in every vector clock. */
    public final int tid;
    final VectorClock clock = new VectorClock();
    /** {@code Epoch.of(tid, clock.get(tid))}, cached for the same-epoch fast path. */
    long epoch;
    private final WeakReference<Thread> thread;
    private final String nameAtCreation;
    /**
     * Text a {@link RaceListener} produced while the detector held a lock, for the caller to print
     * after the event returns. Only the owning thread reads or writes it.
     */
    public String pendingOutput;
    /** One bit per class id: this thread has already acquired that class's initialization. */
    private long[] classesSeen = new long[2];

    public ThreadState(int tid, Thread thread) {
        this.tid = tid;
        this.thread = new WeakReference<>(thread);
        this.nameAtCreation = thread == null ? "thread-" + tid : nameOf(thread);
        clock.set(tid, 1);
        epoch = Epoch.of(tid, 1);
    }

    /** The thread's current name, or its name when first seen if it has been collected. */
    public String name() {
        Thread t = thread.get();
        return t != null ? nameOf(t) : nameAtCreation;
    }

    /** Virtual threads are unnamed by default: name them by id rather than print "". */
    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
    private static String nameOf(Thread t) {
        String name = t.getName();
        return name.isEmpty() ? "unnamed thread #" + t.getId() : name;
    }

    public long epoch() {
        return epoch;
    }

    void tick() {
        int next = clock.get(tid) + 1;
        clock.set(tid, next);
        epoch = Epoch.of(tid, next);
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
        return "T" + tid + clock;
    }
}
