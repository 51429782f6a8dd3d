package dev.racedet.runtime.report;

import dev.racedet.runtime.triage.Verdicts;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Formats races and the exit summary as text, in the style of ThreadSanitizer. Every name (field,
 * thread, frame) goes through {@link TextEscape#name}, so a block has exactly one line per item
 * whatever the application called its threads and classes.
 */
public final class TextReport {
    private TextReport() {
    }

    /** The block printed the first time a race is seen. */
    public static String race(Race race) {
        StringBuilder b = new StringBuilder();
        b.append(Verdicts.isKnown(race) ? "WARNING: racedet: known data race on field "
                : "WARNING: racedet: data race on field ").append(TextEscape.name(race.field()));
        if (race.index() >= 0) {
            b.append(" at index ").append(race.index());
        }
        if (!race.object().isEmpty()) {
            b.append(" of ").append(TextEscape.name(race.object()));
        }
        b.append(" [").append(race.id()).append("] (").append(race.kind()).append(")\n");
        if (!race.test().isEmpty()) {
            b.append("  In test ").append(TextEscape.name(race.test())).append('\n');
        }
        side(b, "", race.access());
        side(b, "Previous ", race.previous());
        started(b, race.access());
        if (!race.previous().thread().equals(race.access().thread())) {
            started(b, race.previous());
        }
        return b.toString();
    }

    private static void side(StringBuilder b, String prefix, Race.Access a) {
        String op = a.write() ? "write" : "read";
        b.append("  ").append(prefix.isEmpty() ? capitalize(op) : prefix + op)
                .append(" by thread \"").append(TextEscape.name(a.thread())).append('"');
        if (!a.locksHeld().isEmpty()) {
            b.append(" holding ");
            for (int i = 0; i < a.locksHeld().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(TextEscape.name(a.locksHeld().get(i)));
            }
        }
        b.append(a.recorded() ? " (recorded stack: frames of checked code)" : "").append(":\n");
        frames(b, a.stack());
    }

    private static void started(StringBuilder b, Race.Access a) {
        if (a.threadStart().isEmpty()) {
            return;
        }
        b.append("  Thread \"").append(TextEscape.name(a.thread()))
                .append("\" started at (recorded stack: frames of checked code):\n");
        frames(b, a.threadStart());
    }

    /** One {@code at} line per frame; runs of framework frames folded into one line. */
    private static void frames(StringBuilder b, List<Frame> stack) {
        int folded = 0;
        for (Frame f : stack) {
            if (f.isFramework()) {
                folded++;
                continue;
            }
            fold(b, folded);
            folded = 0;
            b.append("    at ").append(TextEscape.name(f.toString())).append('\n');
        }
        fold(b, folded);
    }

    private static void fold(StringBuilder b, int folded) {
        if (folded > 0) {
            b.append("    ... ").append(folded).append(folded == 1 ? " frame" : " frames")
                    .append(" of test frameworks, reflection or racedet\n");
        }
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** {@code racedet: 2 races on 1 field (1734 repeats), 0 internal errors}. */
    public static String summary(Collection<Race> races, long internalErrors) {
        return summary(races, internalErrors, 0);
    }

    /**
     * {@code racedet: 2 races on 1 field (1734 repeats), 0 internal errors}, followed by
     * {@code , 12 events skipped (stack or heap exhausted)} when {@code skippedEvents} is not zero.
     */
    public static String summary(Collection<Race> races, long internalErrors, long skippedEvents) {
        Set<String> fields = new HashSet<>();
        long detections = 0;
        for (Race r : races) {
            fields.add(r.field());
            detections += r.count();
        }
        String line = "racedet: " + plural(races.size(), "race") + " on " + plural(fields.size(), "field")
                + " (" + plural(detections - races.size(), "repeat") + "), "
                + plural(internalErrors, "internal error");
        return (skippedEvents == 0 ? line
                : line + ", " + plural(skippedEvents, "event") + " skipped (stack or heap exhausted)") + triage();
    }

    /**
     * The end of the summary about triage, each part only when it applies: {@code , 3 suppressed},
     * {@code , 2 known (in the baseline)}, {@code ; exit status 66 (races found)}.
     */
    private static String triage() {
        long suppressed = Verdicts.suppressed();
        long known = Verdicts.known();
        int status = Verdicts.exitStatusApplied();
        return (suppressed == 0 ? "" : ", " + suppressed + " suppressed")
                + (known == 0 ? "" : ", " + known + " known (in the baseline)")
                + (status == Verdicts.NO_EXIT_STATUS ? "" : "; exit status " + status + " (races found)");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
