package dev.racedet.runtime.report;

import dev.racedet.runtime.triage.Verdicts;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The machine-readable report written at exit. Shape (version 1; keys may be added, never removed):
 * <pre>
 * {"version": 1,
 *  "races": [{"id", "field", "kind", "count", "index"?, "object"?, "test"?,
 *             "access": {...}, "previous": {...}}],
 *  "summary": {"races", "fields", "repeats", "internalErrors", "skippedEvents", "clockSlots", "sharedSlots"}}
 * </pre>
 * where an access is {@code {"thread", "op", "location", "stack": [frames], "stackRecorded",
 * "threadStart": [frames], "locksHeld": [names], "recent": [{"kind", "location", "racy"}]}} and a frame
 * is {@code pkg.Class.method(File.java:12)}; {@code "recent"} is the thread's last events up to the
 * access, oldest first ({@link TimelineEvent}).
 * {@code "stack"} has every frame, framework frames included (text reports fold them);
 * {@code "stackRecorded"} is true when the stack is the calling context recorded with the access
 * (frames of checked code only) rather than the real stack captured at the report. Strings hold the
 * exact names (JSON escaping only), so a name that {@link TextReport} escapes parses back unchanged.
 * {@code "index"} is present for a race on an array element only: the index of its first detection;
 * {@code "object"} ({@code demo.Counter@1b6d3586}) when the raced object is known; {@code "test"}
 * when the race was attributed to a test. {@code "kind"} is the previous access's operation, then the
 * current one's: {@code write-write}, {@code write-read} or {@code read-write}.
 */
public final class JsonReport {
    private JsonReport() {
    }

    /** The report with {@code "skippedEvents"}, {@code "clockSlots"} and {@code "sharedSlots"} 0. */
    public static String render(Collection<Race> races, long internalErrors) {
        return render(races, internalErrors, 0, 0, 0);
    }

    /**
     * The whole report as one string, ending with a line break.
     *
     * @param skippedEvents events the hooks dropped because the stack or the heap was exhausted
     * @param clockSlots vector clock slots created so far: follows the most threads alive at once
     *     (slots of terminated threads are reused), not the number of threads ever started
     * @param sharedSlots free slots a thread took without being ordered after their last occupant
     *     (past the share limit, with very many virtual threads): each can hide a race, never add one
     */
    public static String render(Collection<Race> races, long internalErrors, long skippedEvents, int clockSlots,
                                long sharedSlots) {
        StringBuilder b = new StringBuilder(256 + races.size() * 512);
        b.append("{\"version\": 1,\n \"races\": [");
        Set<String> fields = new HashSet<>();
        long detections = 0;
        String separator = "\n  ";
        for (Race r : races) {
            b.append(separator);
            separator = ",\n  ";
            race(b, r);
            fields.add(r.field());
            detections += r.count();
        }
        b.append(races.isEmpty() ? "],\n" : "\n ],\n");
        b.append(" \"summary\": {\"races\": ").append(races.size())
                .append(", \"fields\": ").append(fields.size())
                .append(", \"repeats\": ").append(detections - races.size())
                .append(", \"internalErrors\": ").append(internalErrors)
                .append(", \"skippedEvents\": ").append(skippedEvents)
                .append(", \"clockSlots\": ").append(clockSlots)
                .append(", \"sharedSlots\": ").append(sharedSlots);
        triage(b);
        b.append("}}\n");
        return b.toString();
    }

    /**
     * The summary's triage keys, when triage is {@linkplain Verdicts#active() active}:
     * {@code "suppressed"} and {@code "known"} (distinct races), and {@code "exitCode"}: the status
     * racedet imposed because of races, or {@code null}.
     */
    private static void triage(StringBuilder b) {
        if (!Verdicts.active()) {
            return;
        }
        int status = Verdicts.exitStatusApplied();
        b.append(", \"suppressed\": ").append(Verdicts.suppressed())
                .append(", \"known\": ").append(Verdicts.known())
                .append(", \"exitCode\": ").append(status == Verdicts.NO_EXIT_STATUS ? "null" : Integer.toString(status));
    }

    private static void race(StringBuilder b, Race r) {
        b.append("{\"id\": ");
        string(b, r.id());
        b.append(", \"field\": ");
        string(b, r.field());
        b.append(", \"kind\": ");
        string(b, r.kind());
        b.append(", \"count\": ").append(r.count());
        if (Verdicts.isKnown(r)) {
            b.append(", \"baseline\": true");
        }
        if (r.index() >= 0) {
            b.append(", \"index\": ").append(r.index());
        }
        if (!r.object().isEmpty()) {
            b.append(", \"object\": ");
            string(b, r.object());
        }
        if (!r.test().isEmpty()) {
            b.append(", \"test\": ");
            string(b, r.test());
        }
        b.append(",\n   \"access\": ");
        access(b, r.access());
        b.append(",\n   \"previous\": ");
        access(b, r.previous());
        b.append('}');
    }

    private static void access(StringBuilder b, Race.Access a) {
        b.append("{\"thread\": ");
        string(b, a.thread());
        b.append(", \"op\": ");
        string(b, a.op());
        b.append(", \"location\": ");
        string(b, a.location());
        b.append(", \"stack\": ");
        frames(b, a.stack());
        b.append(", \"stackRecorded\": ").append(a.recorded());
        b.append(", \"threadStart\": ");
        frames(b, a.threadStart());
        b.append(", \"locksHeld\": [");
        for (int i = 0; i < a.locksHeld().size(); i++) {
            b.append(i > 0 ? ", " : "");
            string(b, a.locksHeld().get(i));
        }
        b.append("], \"recent\": [");
        for (int i = 0; i < a.recent().size(); i++) {
            TimelineEvent e = a.recent().get(i);
            b.append(i > 0 ? ", " : "").append("{\"kind\": ");
            string(b, e.kind());
            b.append(", \"location\": ");
            string(b, e.location());
            b.append(", \"racy\": ").append(e.racy()).append('}');
        }
        b.append("]}");
    }

    private static void frames(StringBuilder b, List<Frame> frames) {
        b.append('[');
        for (int i = 0; i < frames.size(); i++) {
            b.append(i > 0 ? ", " : "");
            string(b, frames.get(i).toString());
        }
        b.append(']');
    }

    /** Appends {@code s} as a JSON string literal ({@link JsonText}). */
    static void string(StringBuilder b, String s) {
        JsonText.string(b, s);
    }
}
