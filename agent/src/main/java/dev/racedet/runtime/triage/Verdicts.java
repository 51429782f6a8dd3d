package dev.racedet.runtime.triage;

import dev.racedet.runtime.report.Frame;
import dev.racedet.runtime.report.Race;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides once per distinct race whether it is reported, known (its id is in the {@code baseline}) or
 * suppressed (a {@code suppress} rule or an in-code {@link BenignMarks mark} covers it), and counts
 * each. Only reported races count for {@code exitcode} and {@code halt}.
 *
 * <p>{@link #of} is called by the race reporter when a new distinct race is created, never on the
 * access path: its cost is paid once per race. It calls no application code and takes no lock but
 * the mark sets' own.
 */
public final class Verdicts {
    /** What happens to a new race. */
    public enum Verdict {
        /** Printed, listed, counted for {@code exitcode}/{@code halt}. */
        REPORTED,
        /** In the baseline: printed and listed as known, not counted for {@code exitcode}/{@code halt}. */
        KNOWN,
        /** Not printed, not listed; only counted in the summary. */
        SUPPRESSED
    }

    /** Exit status not applied (see {@link #exitStatusApplied}). */
    public static final int NO_EXIT_STATUS = -1;

    private static volatile SuppressionRules rules = SuppressionRules.NONE;
    private static volatile Baseline baseline = Baseline.NONE;
    private static final AtomicLong SUPPRESSED = new AtomicLong();
    private static final AtomicLong KNOWN = new AtomicLong();
    private static final AtomicLong REPORTED = new AtomicLong();
    private static volatile Thread firstReportedBy;
    private static volatile int exitStatusApplied = NO_EXIT_STATUS;

    private Verdicts() {
    }

    private static volatile boolean configured;

    /**
     * Called once by the agent at startup, before any class is instrumented.
     *
     * @param exitOptions whether {@code exitcode} or {@code halt} is set
     */
    public static void configure(SuppressionRules suppressionRules, Baseline knownRaces, boolean exitOptions) {
        rules = suppressionRules;
        baseline = knownRaces;
        configured = exitOptions || suppressionRules != SuppressionRules.NONE || knownRaces != Baseline.NONE;
        prepare();
    }

    /**
     * Whether the reports say anything about triage: a triage option is set or a race was suppressed
     * (by an in-code mark). Without, the formats stay exactly as before these options existed.
     */
    public static boolean active() {
        return configured || SUPPRESSED.get() > 0;
    }

    /**
     * Judges a new distinct race and counts it. Call exactly once per race, when it is created.
     */
    public static Verdict of(Race race) {
        Verdict verdict = judge(race);
        if (verdict == Verdict.SUPPRESSED) {
            SUPPRESSED.incrementAndGet();
        } else if (verdict == Verdict.KNOWN) {
            KNOWN.incrementAndGet();
        } else if (REPORTED.getAndIncrement() == 0) {
            firstReportedBy = Thread.currentThread();
        }
        return verdict;
    }

    private static Verdict judge(Race race) {
        SuppressionRules r = rules;
        if (!r.isEmpty() || !BenignMarks.isEmpty()) {
            RaceFacts facts = RaceFacts.of(race);
            if (r.match(facts) != null || BenignMarks.match(facts) != null) {
                return Verdict.SUPPRESSED;
            }
        }
        return baseline.contains(race.id()) ? Verdict.KNOWN : Verdict.REPORTED;
    }

    /** Whether {@code race}'s id is in the baseline (the formats mark it). */
    public static boolean isKnown(Race race) {
        Baseline b = baseline;
        return b != Baseline.NONE && b.contains(race.id());
    }

    /** Distinct races suppressed so far. */
    public static long suppressed() {
        return SUPPRESSED.get();
    }

    /** Distinct races found in the baseline so far. */
    public static long known() {
        return KNOWN.get();
    }

    /** Distinct races neither suppressed nor known: those {@code exitcode} and {@code halt} act on. */
    public static long reported() {
        return REPORTED.get();
    }

    /**
     * Whether the calling thread found the first reported race: it is the one to stop the JVM under
     * {@code halt}, once that race is printed.
     */
    public static boolean firstReportedByCurrentThread() {
        return firstReportedBy == Thread.currentThread();
    }

    /** Records the exit status racedet is about to impose, for the summary and the JSON. */
    public static void exitStatusApplied(int status) {
        exitStatusApplied = status;
    }

    /** The exit status racedet imposes because of races, or {@link #NO_EXIT_STATUS}. */
    public static int exitStatusApplied() {
        return exitStatusApplied;
    }

    /**
     * Runs the matching once on a sample race, so its classes are loaded now rather than inside the
     * first report's hook.
     */
    private static void prepare() {
        Race sample = new Race(0, "a.B.c[]",
                new Race.Access("t", true, "a.B.m(B.java:1)", List.of(new Frame("a.B", "m", "B.java", 1))),
                new Race.Access("u", false, "a.B.n(B.java:2)", List.of(new Frame("a.B", "n", "B.java", 2))));
        RaceFacts facts = RaceFacts.of(sample);
        rules.match(facts);
        BenignMarks.match(facts);
        baseline.contains(sample.id());
    }
}
