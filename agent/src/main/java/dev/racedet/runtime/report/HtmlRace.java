package dev.racedet.runtime.report;

import dev.racedet.runtime.triage.Verdicts;
import java.util.List;

/**
 * One race's section of the {@link HtmlReport}: its facts, both accesses side by side (stack, locks
 * held, where the thread was started) and the timeline of the two threads. Every name goes through
 * {@link HtmlText}.
 */
final class HtmlRace {
    private HtmlRace() {
    }

    /** Appends the section of {@code race}, the {@code n}th race of the page (its anchor {@code r<n>}). */
    static void section(StringBuilder b, Race race, int n) {
        b.append("<section class=\"race\" id=\"r").append(n).append("\" data-id=\"").append(race.id())
                .append("\">\n<h2><code>").append(race.id()).append("</code> data race on <code>");
        HtmlText.text(b, race.field());
        b.append("</code> <span class=\"kind\">").append(race.kind()).append("</span></h2>\n<p class=\"facts\">");
        if (!race.object().isEmpty()) {
            b.append("<span>object <code>");
            HtmlText.text(b, race.object());
            b.append("</code></span>");
        }
        if (race.index() >= 0) {
            b.append("<span>index ").append(race.index()).append(" (first detection)</span>");
        }
        b.append("<span>detected ").append(HtmlReport.plural(race.count(), "time")).append("</span>");
        if (Verdicts.isKnown(race)) {
            b.append("<span class=\"known\">known: in the baseline</span>");
        }
        if (!race.test().isEmpty()) {
            b.append("<span>in test <code>");
            HtmlText.text(b, race.test());
            b.append("</code></span>");
        }
        b.append("</p>\n<div class=\"sides\">\n");
        side(b, "current", "", race.access());
        side(b, "previous", "Previous ", race.previous());
        b.append("</div>\n");
        timeline(b, race);
        b.append("</section>\n");
    }

    private static void side(StringBuilder b, String role, String prefix, Race.Access a) {
        b.append("<div class=\"side ").append(role).append("\">\n<h3>")
                .append(prefix.isEmpty() ? capitalize(a.op()) : prefix + a.op()).append(" by thread <q>");
        HtmlText.text(b, a.thread());
        b.append("</q></h3>\n<p class=\"locks\">");
        if (a.locksHeld().isEmpty()) {
            b.append("<span class=\"none\">no locks held</span>");
        } else {
            b.append("holding ");
            for (int i = 0; i < a.locksHeld().size(); i++) {
                b.append(i == 0 ? "<code>" : ", <code>");
                HtmlText.text(b, a.locksHeld().get(i));
                b.append("</code>");
            }
        }
        b.append("</p>\n<p class=\"note\">").append(a.recorded()
                ? "recorded stack: the calling context recorded with the access (frames of checked code)"
                : "captured stack: the thread's stack when the race was found").append("</p>\n");
        if (a.stack().isEmpty() && !a.location().isEmpty()) {
            // no stack at all: the access site is still known
            b.append("<ol class=\"stack\">\n<li class=\"frame\">at ");
            HtmlText.text(b, a.location());
            b.append("</li>\n</ol>\n");
        } else {
            frames(b, a.stack());
        }
        b.append("<h4>Thread started at</h4>\n");
        if (a.threadStart().isEmpty()) {
            b.append("<p class=\"none\">not seen starting (the main thread, or started before racedet)</p>\n");
        } else {
            b.append("<p class=\"note\">recorded stack: frames of checked code</p>\n");
            frames(b, a.threadStart());
        }
        b.append("</div>\n");
    }

    /** One {@code at} line per frame; runs of framework frames folded into a closed {@code <details>}. */
    static void frames(StringBuilder b, List<Frame> stack) {
        if (stack.isEmpty()) {
            b.append("<p class=\"none\">no frames</p>\n");
            return;
        }
        b.append("<ol class=\"stack\">\n");
        int i = 0;
        while (i < stack.size()) {
            if (!stack.get(i).isFramework()) {
                frame(b, stack.get(i++));
                continue;
            }
            int end = i;
            while (end < stack.size() && stack.get(end).isFramework()) {
                end++;
            }
            b.append("<li><details class=\"folded\"><summary>").append(HtmlReport.plural(end - i, "frame"))
                    .append(" of test frameworks, reflection or racedet</summary><ol class=\"stack\">\n");
            while (i < end) {
                frame(b, stack.get(i++));
            }
            b.append("</ol></details></li>\n");
        }
        b.append("</ol>\n");
    }

    /** {@code at pkg.Class.method(File.java:12)}, the location styled like a link. */
    private static void frame(StringBuilder b, Frame f) {
        b.append("<li class=\"frame\">at ");
        HtmlText.text(b, f.className() + "." + f.method());
        b.append("(<span class=\"loc\">");
        HtmlText.text(b, f.file() == null ? "Unknown Source" : f.line() > 0 ? f.file() + ":" + f.line() : f.file());
        b.append("</span>)</li>\n");
    }

    /** Two columns, one per thread, each with the thread's recent events oldest first. */
    private static void timeline(StringBuilder b, Race race) {
        b.append("<h3>Timeline of the two threads up to the race</h3>\n<div class=\"timeline\">\n");
        // same order as the stacks above: the current access's thread left, the previous one's right
        column(b, race.access(), "current");
        column(b, race.previous(), "previous");
        b.append("</div>\n");
    }

    private static void column(StringBuilder b, Race.Access a, String role) {
        b.append("<div class=\"thread ").append(role).append("\">\n<h4>Thread <q>");
        HtmlText.text(b, a.thread());
        b.append("</q> (").append(role).append(" access)</h4>\n");
        if (a.recent().isEmpty()) {
            b.append("<p class=\"none\">no events recorded</p>\n</div>\n");
            return;
        }
        b.append("<ol class=\"events\">\n");
        for (TimelineEvent e : a.recent()) {
            b.append(e.racy() ? "<li class=\"racy\">" : "<li>").append("<span class=\"ev-kind\">");
            HtmlText.text(b, e.kind());
            b.append("</span> ");
            if (e.location().isEmpty()) {
                b.append("<span class=\"none\">unknown location</span>");
            } else {
                HtmlText.text(b, e.location());
            }
            b.append(e.racy() ? " <strong>&larr; this race</strong>" : "").append("</li>\n");
        }
        b.append("</ol>\n</div>\n");
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
