package dev.racedet.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The HTML page, parsed with an HTML5 parser (the tree a browser builds), not searched as text. */
class HtmlReportTest {
    private static final HtmlReport.About FINAL = new HtmlReport.About(0, 0, true, "2026-11-29T08:00:00Z",
            "Test VM 17", 4242);

    private static Frame frame(String text) {
        return Frame.parse(text);
    }

    private static Race.Access access(String thread, boolean write, List<Frame> stack, List<TimelineEvent> recent) {
        return new Race.Access(thread, write, stack.get(0).toString(), stack, false, List.of(), List.of(), recent);
    }

    private static Race race(String field, String currentThread, String previousThread) {
        return new Race(1, field,
                access(currentThread, true, List.of(frame("demo.Counter.increment(Counter.java:12)"),
                        frame("demo.Main.lambda$run$0(Main.java:53)")), List.of()),
                access(previousThread, false, List.of(frame("demo.Counter.get(Counter.java:20)")), List.of()));
    }

    private static Document page(List<Race> races) {
        return Jsoup.parse(HtmlReport.render(races, FINAL));
    }

    private static List<String> texts(Elements elements) {
        return elements.stream().map(Element::text).toList();
    }

    @Test
    void page_shows_every_race_with_both_stacks_side_by_side() {
        Race a = race("demo.Counter.count", "worker-1", "worker-2");
        Race b = race("demo.Counter.total", "worker-3", "worker-4");
        Document doc = page(List.of(a, b));

        Elements sections = doc.select("section.race");
        assertEquals(List.of(a.id(), b.id()), sections.eachAttr("data-id"));
        assertEquals(2, doc.select("tr.race-row").size());
        Element first = sections.get(0);
        assertEquals(List.of("at demo.Counter.increment(Counter.java:12)", "at demo.Main.lambda$run$0(Main.java:53)"),
                texts(first.select(".side.current > ol.stack > li.frame")));
        assertEquals(List.of("at demo.Counter.get(Counter.java:20)"),
                texts(first.select(".side.previous > ol.stack > li.frame")));
        assertEquals("Write by thread worker-1", first.selectFirst(".side.current h3").text().replace("\"", ""));
        assertEquals("Previous read by thread worker-2", first.selectFirst(".side.previous h3").text().replace("\"", ""));
        assertTrue(first.selectFirst("h2 .kind").text().equals("read-write"));
        assertEquals("racedet: 2 races on 2 fields", doc.selectFirst("h1").text());
    }

    @Test
    void header_tells_internal_errors_jvm_pid_and_whether_the_page_is_final() {
        Document done = page(List.of());
        assertEquals("0 internal errors", done.getElementById("internal-errors").text());
        assertTrue(done.selectFirst(".about").text().contains("Test VM 17, pid 4242"), done.selectFirst(".about").text());
        assertTrue(done.selectFirst(".status").text().startsWith("final report"));
        assertEquals("No data race was found.", done.getElementById("no-races").text());

        Document running = Jsoup.parse(HtmlReport.render(List.of(),
                new HtmlReport.About(3, 0, false, "2026-11-29T08:00:00Z", "Test VM 17", 4242)));
        assertEquals("3 internal errors", running.getElementById("internal-errors").text());
        assertTrue(running.selectFirst(".status").hasClass("running"));
    }

    @Test
    void framework_frames_are_folded_into_a_closed_details_element() {
        List<Frame> stack = List.of(frame("demo.CounterTest.increments(CounterTest.java:9)"),
                frame("jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)"),
                frame("org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:728)"),
                frame("java.lang.Thread.run(Thread.java:840)"));
        Race r = new Race(1, "demo.Counter.count", access("main", true, stack, List.of()),
                access("worker", true, List.of(frame("demo.Counter.add(Counter.java:3)")), List.of()));
        Element current = page(List.of(r)).selectFirst(".side.current");

        assertEquals(List.of("at demo.CounterTest.increments(CounterTest.java:9)", "at java.lang.Thread.run(Thread.java:840)"),
                texts(current.select("> ol.stack > li.frame")));
        Element folded = current.selectFirst("> ol.stack > li > details.folded");
        assertFalse(folded.hasAttr("open"));
        assertEquals("2 frames of test frameworks, reflection or racedet", folded.selectFirst("summary").text());
        assertEquals(2, folded.select("li.frame").size());
    }

    @Test
    void recorded_and_captured_stacks_and_thread_starts_and_locks_are_shown() {
        Race.Access recorded = new Race.Access("worker", true, "demo.A.f(A.java:1)", List.of(frame("demo.A.f(A.java:1)")),
                true, List.of(frame("demo.Main.main(Main.java:7)")), List.of("demo.A@1b6d3586"), List.of());
        Race r = new Race(1, "demo.A.x", access("main", false, List.of(frame("demo.A.g(A.java:2)")), List.of()), recorded);
        Document doc = page(List.of(r));

        assertTrue(doc.selectFirst(".side.previous .note").text().startsWith("recorded stack"));
        assertTrue(doc.selectFirst(".side.current .note").text().startsWith("captured stack"));
        assertEquals("holding demo.A@1b6d3586", doc.selectFirst(".side.previous .locks").text());
        assertEquals("no locks held", doc.selectFirst(".side.current .locks").text());
        assertEquals(List.of("at demo.Main.main(Main.java:7)"), texts(doc.select(".side.previous > h4 ~ ol.stack > li.frame")));
        assertTrue(doc.selectFirst(".side.current > h4 + p").text().startsWith("not seen starting"));
    }

    @Test
    void timeline_shows_each_threads_events_oldest_first_with_the_racy_access_marked() {
        List<TimelineEvent> current = List.of(new TimelineEvent("acquire", "demo.A.lock(A.java:4)", false),
                new TimelineEvent("release", "demo.A.lock(A.java:6)", false),
                new TimelineEvent("write", "demo.A.f(A.java:1)", true));
        List<TimelineEvent> previous = List.of(new TimelineEvent("start", "", false),
                new TimelineEvent("read", "demo.A.g(A.java:2)", true));
        Race r = new Race(1, "demo.A.x", access("t1", true, List.of(frame("demo.A.f(A.java:1)")), current),
                access("t2", false, List.of(frame("demo.A.g(A.java:2)")), previous));
        Document doc = page(List.of(r));

        Elements columns = doc.select(".timeline > .thread");
        assertEquals(2, columns.size());
        assertEquals(List.of("acquire demo.A.lock(A.java:4)", "release demo.A.lock(A.java:6)",
                "write demo.A.f(A.java:1) \u2190 this race"), texts(columns.get(0).select("ol.events > li")));
        assertEquals(List.of("start unknown location", "read demo.A.g(A.java:2) \u2190 this race"),
                texts(columns.get(1).select("ol.events > li")));
        assertEquals(List.of("write demo.A.f(A.java:1) \u2190 this race"), texts(columns.get(0).select("li.racy")));
    }

    @Test
    void access_without_a_stack_still_shows_its_site() {
        Race r = new Race(1, "demo.A.x", new Race.Access("t1", true, "demo.A.f(A.java:1)", List.of()),
                access("t2", false, List.of(frame("demo.A.g(A.java:2)")), List.of()));
        Document doc = page(List.of(r));
        assertEquals(List.of("at demo.A.f(A.java:1)"), texts(doc.select(".side.current > ol.stack > li.frame")));
    }

    @Test
    void empty_timeline_says_no_events_recorded() {
        Document doc = page(List.of(race("demo.A.x", "t1", "t2")));
        assertEquals(List.of("no events recorded", "no events recorded"), texts(doc.select(".timeline .thread > p.none")));
    }

    @Test
    void hostile_names_come_out_as_text_and_add_no_element() throws Exception {
        String scriptName = "</script><script>alert(1)</script>";
        String commentName = "<!--\"'&amp;\u2028x\u202egnp.exe\uD800";
        String field = "demo.<img src=x onerror=alert(1)>.f";
        Race r = race(field, scriptName, commentName);
        String html = HtmlReport.render(List.of(r), FINAL);
        Document doc = Jsoup.parse(html);

        assertEquals(3, doc.select("script").size(), "only the error recorder, the data block and the page's script");
        assertTrue(doc.select("img").isEmpty());
        assertEquals(1, doc.select("section.race").size());
        assertEquals("Write by thread " + scriptName, doc.selectFirst(".side.current h3").text());
        // hidden characters are shown as visible escapes, marked as such
        assertEquals("Previous read by thread <!--\"'&amp;\\u2028x\\u202egnp.exe\\ud800",
                doc.selectFirst(".side.previous h3").text());
        assertEquals(List.of("\\u2028", "\\u202e", "\\ud800"), texts(doc.select(".side.previous h3 .esc")));
        assertEquals("demo.<img src=x onerror=alert(1)>.f", doc.selectFirst("section.race h2 code + code").text());

        String data = doc.getElementById("racedet-data").data();
        assertFalse(data.contains("<") || data.contains(">") || data.contains("&") || data.contains("\u2028"), data);
        assertEquals(List.of(r.id(), field, "", "", "read-write", scriptName, commentName), jsonStrings(data));
        StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(html)); // no lone surrogate left: writable as UTF-8
    }

    @Test
    void page_script_is_the_one_the_content_security_policy_allows() throws Exception {
        Document doc = page(List.of(race("demo.A.x", "t1", "t2")));
        String policy = doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        Elements scripts = doc.select("script:not([type])");
        assertEquals(2, scripts.size(), "the error recorder in the head and the page's script");
        for (Element script : scripts) {
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(script.data().getBytes(StandardCharsets.UTF_8)));
            assertTrue(policy.contains(" 'sha256-" + hash + "'"), policy);
        }
        assertTrue(doc.selectFirst("head > script:not([type])") != null, "errors are recorded from the start");
        assertTrue(policy.startsWith("default-src 'none'"), policy);
        assertTrue(doc.select("link, img, iframe, object, embed, [src], [href^=http]").isEmpty(), "nothing is loaded");
    }

    @Test
    void html_text_escapes_markup_characters_and_keeps_letters_of_every_script() throws CharacterCodingException {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;", HtmlText.text("<a href=\"x\" title='y'>&"));
        assertEquals("\u00e9\u4e2d\uD834\uDD1E", HtmlText.text("\u00e9\u4e2d\uD834\uDD1E"));
        assertEquals("a<span class=\"esc\">\\u001b</span>b", HtmlText.text("a\u001bb"));
    }

    /** The string values of a JSON text, in order, decoded (enough JSON to check the escaping). */
    private static List<String> jsonStrings(String json) {
        List<String> values = new ArrayList<>();
        int i = 0;
        while ((i = json.indexOf('"', i)) >= 0) {
            StringBuilder s = new StringBuilder();
            for (i++; json.charAt(i) != '"'; i++) {
                char c = json.charAt(i);
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                char e = json.charAt(++i);
                switch (e) {
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        s.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> s.append(e);
                }
            }
            i++;
            boolean key = json.charAt(i) == ':';
            if (!key) {
                values.add(s.toString());
            }
        }
        return values;
    }
}
