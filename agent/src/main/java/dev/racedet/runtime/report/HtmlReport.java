package dev.racedet.runtime.report;

import dev.racedet.runtime.triage.Verdicts;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The HTML report: one self-contained page (inline style and script, nothing loaded, see
 * {@link HtmlAssets}) with a header about the run, a table of the races and, for each race, both
 * accesses' stacks side by side, where each thread was started, the locks held and a timeline of the
 * two threads' recent events.
 *
 * <p>Every name goes through {@link HtmlText}, so no thread, class, field, method or file name can
 * add markup or script. The page shows everything without script; the script only adds the filter
 * box and the {@code data-*} attributes browser tests read ({@link HtmlAssets#RECORDER},
 * {@link HtmlAssets#SCRIPT}). The race data
 * it filters on is embedded as JSON in a {@code <script type="application/json">} element.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /**
     * What the page says about the run it reports.
     *
     * @param internalErrors racedet's internal errors so far
     * @param skippedEvents  events the hooks dropped because the stack or heap was exhausted
     * @param complete       true for the final report written at exit, false while the program runs
     * @param written        when the page was written (ISO 8601)
     * @param jvm            the JVM, e.g. {@code OpenJDK 64-Bit Server VM 17.0.12}
     * @param pid            the reporting JVM's process id
     */
    public record About(long internalErrors, long skippedEvents, boolean complete, String written, String jvm,
                        long pid) {
        /** The current JVM, now. */
        public static About now(long internalErrors, long skippedEvents, boolean complete) {
            return new About(internalErrors, skippedEvents, complete, java.time.Instant.now().toString(),
                    System.getProperty("java.vm.name", "JVM") + " " + System.getProperty("java.version", ""),
                    ProcessHandle.current().pid());
        }
    }

    /** The whole page. */
    public static String render(Collection<Race> races, About about) {
        StringBuilder b = new StringBuilder(4096 + races.size() * 4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"");
        HtmlText.text(b, HtmlAssets.POLICY);
        b.append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>racedet: ").append(plural(races.size(), "race")).append("</title>\n<style>\n")
                .append(HtmlAssets.STYLE).append("</style>\n<script>").append(HtmlAssets.RECORDER)
                .append("</script>\n</head>\n<body>\n");
        header(b, races, about);
        index(b, races);
        int i = 0;
        for (Race r : races) {
            HtmlRace.section(b, r, i++);
        }
        data(b, races);
        b.append("<script>").append(HtmlAssets.SCRIPT).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void header(StringBuilder b, Collection<Race> races, About about) {
        Set<String> fields = new HashSet<>();
        long detections = 0;
        for (Race r : races) {
            fields.add(r.field());
            detections += r.count();
        }
        b.append("<header>\n<h1>racedet: <span id=\"race-count\">").append(plural(races.size(), "race"))
                .append("</span> on ").append(plural(fields.size(), "field")).append("</h1>\n<p class=\"about\">")
                .append("<span>").append(plural(detections - races.size(), "repeat")).append("</span>")
                .append("<span id=\"internal-errors\">").append(plural(about.internalErrors(), "internal error"))
                .append("</span>");
        if (Verdicts.active()) {
            b.append("<span id=\"triage\">").append(Verdicts.suppressed()).append(" suppressed, ")
                    .append(Verdicts.known()).append(" known from the baseline</span>");
        }
        if (about.skippedEvents() > 0) {
            b.append("<span>").append(plural(about.skippedEvents(), "event"))
                    .append(" skipped (stack or heap exhausted)</span>");
        }
        b.append("<span class=\"status").append(about.complete() ? "\">final report, written at exit"
                : " running\">the program was still running: this page is rewritten as races are found");
        b.append("</span><span>");
        HtmlText.text(b, about.written());
        b.append("</span><span>");
        HtmlText.text(b, about.jvm());
        b.append(", pid ").append(about.pid()).append("</span></p>\n</header>\n");
    }

    private static void index(StringBuilder b, Collection<Race> races) {
        if (races.isEmpty()) {
            b.append("<p class=\"none\" id=\"no-races\">No data race was found.</p>\n");
            return;
        }
        b.append("<p><input id=\"filter\" type=\"search\" placeholder=\"filter by id, field, thread, test\">")
                .append(" <span id=\"shown\"></span></p>\n")
                .append("<table id=\"races\">\n<thead><tr><th>id</th><th>field</th><th>object / index</th>")
                .append("<th>kind</th><th>count</th><th>test</th><th>threads (current, previous)</th></tr></thead>\n<tbody>\n");
        int i = 0;
        for (Race r : races) {
            b.append("<tr class=\"race-row\"><td class=\"mono\"><a href=\"#r").append(i++).append("\">")
                    .append(r.id()).append("</a></td><td class=\"mono\">");
            HtmlText.text(b, r.field());
            b.append("</td><td class=\"mono\">");
            HtmlText.text(b, r.object());
            if (r.index() >= 0) {
                b.append(r.object().isEmpty() ? "" : " ").append('[').append(r.index()).append(']');
            }
            b.append("</td><td>").append(r.kind()).append(Verdicts.isKnown(r) ? " <span class=\"known\">(baseline)</span>" : "")
                    .append("</td><td>").append(r.count()).append("</td><td>");
            HtmlText.text(b, r.test());
            b.append("</td><td>");
            HtmlText.text(b, r.access().thread());
            b.append("<br>");
            HtmlText.text(b, r.previous().thread());
            b.append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    /** The races' names as JSON for the filter: exact names, escaped for a script element. */
    private static void data(StringBuilder b, Collection<Race> races) {
        b.append("<script type=\"application/json\" id=\"racedet-data\">{\"races\": [");
        String separator = "\n";
        for (Race r : races) {
            b.append(separator).append("{\"id\": ");
            separator = ",\n";
            HtmlText.scriptJson(b, r.id());
            b.append(", \"field\": ");
            HtmlText.scriptJson(b, r.field());
            b.append(", \"object\": ");
            HtmlText.scriptJson(b, r.object());
            b.append(", \"test\": ");
            HtmlText.scriptJson(b, r.test());
            b.append(", \"kind\": ");
            HtmlText.scriptJson(b, r.kind());
            b.append(", \"threads\": [");
            HtmlText.scriptJson(b, r.access().thread());
            b.append(", ");
            HtmlText.scriptJson(b, r.previous().thread());
            b.append("]}");
        }
        b.append("]}</script>\n");
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

}
