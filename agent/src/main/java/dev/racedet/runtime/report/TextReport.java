package dev.racedet.runtime.report;

import dev.racedet.runtime.triage.Verdicts;
import java.util.Collection;
import java.util.HashSet;
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
        b.append(" [").append(race.id()).append("]\n");
        side(b, "", race.access());
        side(b, "Previous ", race.previous());
        return b.toString();
    }

    private static void side(StringBuilder b, String prefix, Race.Access a) {
        String op = a.write() ? "write" : "read";
        b.append("  ").append(prefix.isEmpty() ? capitalize(op) : prefix + op)
                .append(" by thread \"").append(TextEscape.name(a.thread())).append("\":\n");
        for (String frame : a.stack()) {
            b.append("    at ").append(TextEscape.name(frame)).append('\n');
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
