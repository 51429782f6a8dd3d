package dev.racedet.runtime.report;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Formats races and the exit summary as text, in the style of ThreadSanitizer. */
public final class TextReport {
    private TextReport() {
    }

    /** The block printed the first time a race is seen. */
    public static String race(Race race) {
        StringBuilder b = new StringBuilder();
        b.append("WARNING: racedet: data race on field ").append(race.field())
                .append(" [").append(race.id()).append("]\n");
        side(b, "", race.access());
        side(b, "Previous ", race.previous());
        return b.toString();
    }

    private static void side(StringBuilder b, String prefix, Race.Access a) {
        String op = a.write() ? "write" : "read";
        b.append("  ").append(prefix.isEmpty() ? capitalize(op) : prefix + op)
                .append(" by thread \"").append(a.thread()).append("\":\n");
        for (String frame : a.stack()) {
            b.append("    at ").append(frame).append('\n');
        }
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** {@code racedet: 2 races on 1 field (1734 repeats), 0 internal errors}. */
    public static String summary(Collection<Race> races, long internalErrors) {
        Set<String> fields = new HashSet<>();
        long detections = 0;
        for (Race r : races) {
            fields.add(r.field());
            detections += r.count();
        }
        return "racedet: " + plural(races.size(), "race") + " on " + plural(fields.size(), "field")
                + " (" + plural(detections - races.size(), "repeat") + "), "
                + plural(internalErrors, "internal error");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
