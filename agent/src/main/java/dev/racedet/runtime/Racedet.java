package dev.racedet.runtime;

/**
 * The runtime's entry for the agent: initialization, limits, and marking racedet's own work. The
 * hooks instrumented code calls are split by concern: {@link FieldHooks}, {@link MonitorHooks},
 * {@link ThreadHooks}, {@link AtomicHooks}, {@link ArrayHooks}.
 */
public final class Racedet {
    private Racedet() {
    }

    /**
     * Loads and initializes the runtime now, from the agent, rather than inside the first
     * instrumented access (loading a class in the middle of a transformation can fail): the paths of
     * the synchronization hooks run once on an object nobody else sees, so they add no edge.
     */
    public static void initialize() {
        Object sample = new Object();
        int fieldId = Registry.fieldId(Object.class.getName(), "racedet$warmUp", "I");
        MonitorHooks.monitorEnter(sample);
        MonitorHooks.monitorExit(sample);
        FieldHooks.volatileWrite(sample, fieldId);
        FieldHooks.volatileRead(sample, fieldId);
        AtomicHooks.release(sample, 16);
        AtomicHooks.acquire(sample, 16);
        AtomicHooks.acquire(null, 16);
        ThreadHooks.aliveChecked(true, Thread.currentThread());
        ThreadHooks.virtualThreadTask(Thread.currentThread()); // a Thread is a Runnable: no lambda this early
        ArrayHooks.initialize();
    }

    /**
     * Diagnostic: the largest value a thread's clock may reach before the thread moves to a new clock
     * slot (default 2^40 - 1). Called by the agent at startup, before any class is instrumented.
     *
     * @throws IllegalArgumentException if {@code limit} is below 2 or above 2^40 - 1
     */
    public static void setClockLimit(long limit) {
        Engine.DETECTOR.slots().setClockLimit(limit);
    }

    /** Most frames a report shows of each stack (the {@code stacks} option). */
    public static void setStackDepth(int frames) {
        RaceReporter.setMaxFrames(frames);
    }

    /**
     * Marks the calling thread as running racedet's own code until {@link #endInternal}: its
     * synchronization (the transformer's caches, racedet's output) is not the program's.
     *
     * @return whether this call marked it (pass it to {@link #endInternal}); false if it already was
     */
    public static boolean beginInternal() {
        try {
            return Engine.enter() != null;
        } catch (Throwable e) {
            return false;
        }
    }

    /** Ends what {@link #beginInternal} began, if {@code began}. */
    public static void endInternal(boolean began) {
        if (began) {
            Engine.exit(Engine.THREADS.currentOrBusy());
        }
    }

    /** Marks the calling thread (one of racedet's own) as running racedet's code for good. */
    static void markInternalThread() {
        beginInternal();
    }

    /** Vector clock slots created so far (see {@code Slots}). */
    static int clockSlots() {
        return Engine.DETECTOR.slots().created();
    }

    /** Free clock slots shared without ordering so far ({@code Slots.shared}). */
    static long sharedSlots() {
        return Engine.DETECTOR.slots().shared();
    }

    static ReportOutput output() {
        return Engine.OUTPUT;
    }

    static RaceReporter reporter() {
        return Engine.REPORTER;
    }
}
