package dev.racedet.runtime;

import dev.racedet.runtime.engine.Epoch;
import dev.racedet.runtime.engine.ThreadState;
import dev.racedet.runtime.report.Race;
import dev.racedet.runtime.report.TextReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Attributes races to the tests (and test containers) during which they happened, for the JUnit glue
 * ({@code dev.racedet.junit}), at no cost per access.
 *
 * <p><b>How.</b> {@link #started} records the calling thread's current epoch as the test's start, and
 * {@link #finished} its epoch as the test's end. A race is attributed, once, when it is first found,
 * to the latest test whose start happens-before the racing access and whose end does not: the
 * racing thread's vector clock says so. Threads the test started and pool threads that ran its tasks
 * acquired the test thread's clock after the start, so their races are the test's too, without any
 * bookkeeping of their own. A race ordered after no start is "outside any test". An epoch's clock
 * value is never known to another thread before its owner ticks (every release and start publishes,
 * then ticks), so the start and end epochs split the test thread's history exactly.
 *
 * <p>The caller must call {@link #started} and {@link #finished} on the thread that runs the test
 * (its lifecycle methods included), with the same unique id. Every method is safe from any thread
 * and never throws; failures are counted as internal errors.
 */
public final class Tests {
    /** A test, or a test container, that started. */
    private static final class Run {
        final String name;
        final String uniqueId;
        final long start;
        long end = Epoch.NONE;
        boolean ended;
        /** Races found during the run and not yet handed to the test framework. */
        final List<Race> races = new ArrayList<>();

        Run(String name, String uniqueId, long start) {
            this.name = name;
            this.uniqueId = uniqueId;
            this.start = start;
        }
    }

    private static final Object LOCK = new Object();
    /** Every run in start order (newest last); ended ones stay, to place late races. */
    private static final List<Run> RUNS = new ArrayList<>();
    private static final Map<String, Run> BY_ID = new HashMap<>();
    /** Races no running test owns: outside any test, or found after their test ended. */
    private static final List<String> UNOWNED = new ArrayList<>();
    private static int outsideCount;
    /** Set once a test framework uses this class: only then are races outside tests kept here. */
    private static volatile boolean active;
    private static int lateCount;

    private Tests() {
    }

    /** A test run begins: from now on races outside any test are kept for {@link #unownedReport}. */
    public static void activate() {
        active = true;
    }

    /**
     * The test {@code uniqueId}, shown as {@code name}, starts now on the calling thread. A unique id
     * started again (a retried test) starts a new run.
     */
    public static void started(String name, String uniqueId) {
        ThreadState t = Engine.enter();
        if (t == null) {
            return;
        }
        try {
            long start = Engine.DETECTOR.now(t);
            if (start != Epoch.NONE) {
                Run run = new Run(name, uniqueId, start);
                synchronized (LOCK) {
                    RUNS.add(run);
                    BY_ID.put(uniqueId, run);
                }
            }
        } catch (Throwable e) {
            InternalErrors.record("test start", e);
        } finally {
            Engine.exit(t);
        }
    }

    /**
     * Takes the races found so far during the running test {@code uniqueId}: the report text to fail
     * it with, or {@code null} when there were none (or the test is unknown). Races found later in
     * the test are kept for the next call or for {@link #finished}.
     */
    public static String takeReport(String uniqueId) {
        boolean began = Racedet.beginInternal();
        try {
            List<Race> races;
            String name;
            synchronized (LOCK) {
                Run run = BY_ID.get(uniqueId);
                if (run == null || run.races.isEmpty()) {
                    return null;
                }
                races = new ArrayList<>(run.races);
                run.races.clear();
                name = run.name;
            }
            return report(races, "during test " + quoted(name));
        } catch (Throwable e) {
            InternalErrors.record("test report", e);
            return null;
        } finally {
            Racedet.endInternal(began);
        }
    }

    /**
     * The test {@code uniqueId} ends now on the calling thread. Races of it not taken by
     * {@link #takeReport}, and races found from now on in threads it left running, are reported at
     * the end of the run ({@link #unownedReport}).
     */
    public static void finished(String uniqueId) {
        ThreadState t = Engine.enter();
        if (t == null) {
            return;
        }
        try {
            long end = Engine.DETECTOR.now(t);
            synchronized (LOCK) {
                Run run = BY_ID.remove(uniqueId);
                if (run != null) {
                    run.end = end;
                    run.ended = true;
                    for (Race race : run.races) {
                        late(race, run);
                    }
                    run.races.clear();
                }
            }
        } catch (Throwable e) {
            InternalErrors.record("test end", e);
        } finally {
            Engine.exit(t);
        }
    }

    /**
     * The report of every race no test was failed for, in the order found: races outside any test,
     * and races found after their test ended. Empty when there are none. Each is returned once.
     */
    public static String unownedReport() {
        boolean began = Racedet.beginInternal();
        try {
            synchronized (LOCK) {
                if (UNOWNED.isEmpty()) {
                    return "";
                }
                StringBuilder b = new StringBuilder();
                b.append("racedet: ").append(outsideCount).append(" race(s) outside any test, ")
                        .append(lateCount).append(" found after their test ended:\n");
                for (String text : UNOWNED) {
                    b.append(text);
                }
                UNOWNED.clear();
                outsideCount = 0;
                lateCount = 0;
                return b.toString();
            }
        } catch (Throwable e) {
            InternalErrors.record("test report", e);
            return "";
        } finally {
            Racedet.endInternal(began);
        }
    }

    /**
     * Attributes the new {@code race}, found by {@code current}'s access, to the test it happened in
     * ({@link Race#attributeTo}); a race outside any test stays unattributed. Called once per distinct
     * race by the reporter, before the race is printed, inside racedet (the detector may hold a
     * field's lock: this takes only its own lock and calls no application code).
     */
    static void attribute(Race race, ThreadState current) {
        synchronized (LOCK) {
            for (int i = RUNS.size() - 1; i >= 0; i--) {
                Run run = RUNS.get(i);
                if (current.knows(run.start) && !(run.ended && current.knows(run.end))) {
                    race.attributeTo(run.name);
                    if (run.ended) {
                        late(race, run);
                    } else {
                        run.races.add(race);
                    }
                    return;
                }
            }
            if (active) {
                outsideCount++;
                UNOWNED.add("racedet: race outside any test:\n" + TextReport.race(race));
            }
        }
    }

    private static void late(Race race, Run run) {
        lateCount++;
        UNOWNED.add("racedet: race in test " + quoted(run.name) + " found after the test ended:\n"
                + TextReport.race(race));
    }

    private static String report(List<Race> races, String where) {
        StringBuilder b = new StringBuilder();
        b.append("racedet: ").append(races.size()).append(races.size() == 1 ? " data race " : " data races ")
                .append(where).append('\n');
        for (Race race : races) {
            b.append(TextReport.race(race));
        }
        return b.toString();
    }

    private static String quoted(String name) {
        return "\"" + dev.racedet.runtime.report.TextEscape.name(name) + "\"";
    }
}
