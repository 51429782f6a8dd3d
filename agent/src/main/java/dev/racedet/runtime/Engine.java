package dev.racedet.runtime;

import dev.racedet.runtime.engine.Detector;
import dev.racedet.runtime.engine.ThreadState;

/**
 * The runtime's single instances, shared by the hook facades ({@link FieldHooks},
 * {@link MonitorHooks}, {@link ThreadHooks}, {@link AtomicHooks}), and the per-thread reentrancy
 * guard every hook goes through.
 *
 * <p>racedet instruments the JDK's synchronization, and racedet itself uses the JDK (maps, locks,
 * output streams): without the guard its own use would re-enter the hooks and become part of the
 * program's happens-before order. A hook calls {@link #enter()} first and gives up when it returns
 * {@code null}; otherwise it must call {@link #exit} in a {@code finally}.
 */
final class Engine {
    static final ReportOutput OUTPUT = new ReportOutput();
    static final Threads THREADS = new Threads();
    static final Shadows SHADOWS = new Shadows();
    static final RaceReporter REPORTER = new RaceReporter();
    static final Detector DETECTOR = new Detector(REPORTER);

    private Engine() {
    }

    /**
     * The calling thread's state, now marked as inside racedet; {@code null} if the thread is already
     * inside racedet (a nested hook, racedet's own threads), which must then do nothing.
     */
    static ThreadState enter() {
        ThreadState t = THREADS.currentOrBusy();
        if (t == null || t.insideRacedet) {
            return null;
        }
        t.insideRacedet = true;
        return t;
    }

    /**
     * {@link #enter()} for a hook that was given its thread's state ({@code thread}, a
     * {@link ThreadState} a checked method fetched at its start, or {@code null}): no ThreadLocal
     * lookup when it is there.
     */
    static ThreadState enter(Object thread) {
        if (!(thread instanceof ThreadState t)) {
            return enter();
        }
        if (t.insideRacedet) {
            return null;
        }
        t.insideRacedet = true;
        return t;
    }

    /** Whether the calling thread runs racedet's own code now (its hooks do nothing). */
    static boolean insideRacedet() {
        ThreadState t = THREADS.currentOrBusy();
        return t == null || t.insideRacedet;
    }

    /** Ends what {@link #enter()} began; {@code t} may be {@code null}. */
    static void exit(ThreadState t) {
        if (t != null) {
            t.insideRacedet = false;
        }
    }

    /**
     * Prints the reports the detector produced during this event, now that it holds no lock of the
     * detector's: printing under a field's lock could deadlock with a thread that holds the stream's
     * lock. Called inside the guard, so the stream's own synchronization is not analyzed.
     */
    static void printPending(ThreadState t) {
        if (t.pendingOutput != null) {
            String text = t.pendingOutput;
            t.pendingOutput = null;
            OUTPUT.print(text);
            Lifecycle.racesChanged();
        }
    }
}
