package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.html.HostileNames;
import dev.racedet.it.output.LiveProcess;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Chromium;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code html} report of a real run, loaded in headless Chromium ({@link Chromium}): the page runs
 * its script without error and shows every race of the run's JSON report, with both stacks and the
 * timeline, whatever the threads are called. The DOM Chromium built is parsed (jsoup), so an element
 * injected through a name would be seen.
 */
class HtmlReportTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void page_loads_in_chromium_without_errors_and_shows_every_race_of_the_json_report(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        Path html = run.directory().resolve("report.html");
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.*")
                        .setJson(run.jsonPath().toString()).setHtml(html.toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.html.HostileNames");
        assertEquals(0, result.exitCode(), result::toString);
        List<Map<String, Object>> races = result.races();
        assertEquals(3, races.size(), result::toString);

        Document dom = Jsoup.parse(Chromium.dumpDom(html));

        Element root = dom.selectFirst("html");
        assertTrue(root.hasAttr("data-errors"), "the error recorder ran");
        assertEquals("", root.attr("data-errors"), "no script error and no blocked injection");
        assertEquals("true", root.attr("data-rendered"), "the page's script ran to its end");
        assertEquals(Integer.toString(races.size()), root.attr("data-races"));
        assertEquals(3, dom.select("script").size(), "only the error recorder, the data block and the page's script");
        assertTrue(dom.select("img, iframe, object, embed").isEmpty(), "no element injected by a name");
        assertTrue(dom.selectFirst(".status").text().startsWith("final report"));

        Set<String> threadsShown = new TreeSet<>();
        for (Map<String, Object> race : races) {
            Element section = dom.selectFirst("section.race[data-id=" + Json.string(race.get("id")) + "]");
            assertNotNull(section, () -> "race " + race.get("id") + " is shown");
            assertEquals(Json.string(race.get("field")), section.selectFirst("h2 code + code").text());
            assertEquals(Json.string(race.get("kind")), section.selectFirst("h2 .kind").text());
            side(section.selectFirst(".side.current"), Json.object(race.get("access")), threadsShown);
            side(section.selectFirst(".side.previous"), Json.object(race.get("previous")), threadsShown);
            timeline(section.select(".timeline > .thread").get(0), Json.object(race.get("access")));
            timeline(section.select(".timeline > .thread").get(1), Json.object(race.get("previous")));
        }
        assertTrue(threadsShown.containsAll(List.of(HostileNames.SCRIPT, HostileNames.MARKUP, HostileNames.HIDDEN_SHOWN)),
                threadsShown::toString);
        assertEquals(1, dom.select("section.race h2 code + code").eachText().stream()
                .filter(f -> f.equals("dev.racedet.it.html.HostileNames.gr\u00f6\u00dfe")).count(), "non-ASCII names as they are");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void page_is_whole_at_every_read_shows_the_race_while_running_and_survives_kill_9(Jdks.Jdk jdk) throws Exception {
        Path dir = Files.createTempDirectory("racedet-html");
        Path html = dir.resolve("live.html");
        AgentOptions options = new AgentOptions().setInclude("dev.racedet.it.*").setHtml(html.toString());
        try (LiveProcess jvm = LiveProcess.start(jdk.home(), dir, options, "dev.racedet.it.output.RaceThenWait")) {
            // every read, from the empty startup page on, is a whole page: the file is replaced, never rewritten
            jvm.await(html, text -> {
                assertTrue(text.startsWith("<!DOCTYPE html>") && text.endsWith("</html>\n"), text);
                return Jsoup.parse(text).select("section.race").size() == 1;
            });
            jvm.kill();
        }
        Document page = Jsoup.parse(Files.readString(html, StandardCharsets.UTF_8));
        assertEquals(List.of("dev.racedet.it.output.RaceThenWait.shared"), page.select("section.race h2 code + code").eachText());
        assertTrue(page.selectFirst(".status").hasClass("running"), "the page says the program had not finished");
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".racedet-tmp")), "no temporary file left");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void html_in_a_missing_directory_stops_the_jvm_before_main_with_one_line(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(new AgentOptions().setHtml(run.directory().resolve("no/such/r.html").toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.html.HostileNames");
        assertEquals(1, result.exitCode(), result::toString);
        List<String> lines = result.stderr().lines().filter(l -> l.startsWith("racedet:")).toList();
        assertEquals(1, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("racedet: cannot write the 'html' file "), lines.get(0));
        assertFalse(result.stderr().contains("WARNING: racedet: data race"), "main never ran");
    }

    @org.junit.jupiter.api.Test
    void page_name_takes_the_pid_and_marks_races_known_from_the_baseline() throws Exception {
        AgentRun first = AgentRun.onThisJdk();
        List<Map<String, Object>> races = first.agent(new AgentOptions().setInclude("dev.racedet.it.*")
                        .setJson(first.jsonPath().toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.html.HostileNames").races();
        String known = Json.string(races.get(0).get("id"));

        AgentRun run = AgentRun.onThisJdk();
        Path baseline = run.directory().resolve("baseline.txt");
        Files.writeString(baseline, known + "\n");
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.*")
                        .setBaseline(baseline.toString()).setHtml(run.directory().resolve("page-%p.html").toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.html.HostileNames");
        assertEquals(0, result.exitCode(), result::toString);
        List<Path> pages;
        try (var files = Files.list(run.directory())) {
            pages = files.filter(f -> f.getFileName().toString().matches("page-[0-9]+\\.html")).toList();
        }
        assertEquals(1, pages.size(), "one page, named with the JVM's pid: " + pages);
        Document page = Jsoup.parse(Files.readString(pages.get(0), StandardCharsets.UTF_8));
        assertTrue(page.selectFirst(".about").text().contains("pid " + pages.get(0).getFileName().toString()
                .replaceAll("[^0-9]", "")), page.selectFirst(".about").text());
        assertEquals("0 suppressed, 1 known from the baseline", page.getElementById("triage").text());
        assertEquals(List.of(known), page.select("section.race:has(.known)").eachAttr("data-id"));
        assertEquals(races.size(), page.select("section.race").size());
    }

    /** The side's thread, and its stack's top frame, as the JSON report has them. */
    private static void side(Element side, Map<String, Object> access, Set<String> threadsShown) {
        String thread = Json.string(access.get("thread"));
        String shown = side.selectFirst("h3 q").text();
        assertEquals(thread.equals(HostileNames.HIDDEN) ? HostileNames.HIDDEN_SHOWN : thread, shown);
        threadsShown.add(shown);
        String top = Json.string(Json.array(access.get("stack")).get(0));
        assertEquals("at " + top, side.selectFirst("ol.stack > li.frame").text());
    }

    /** The thread's timeline column lists the JSON's recent events, oldest first, the racy one marked. */
    private static void timeline(Element column, Map<String, Object> access) {
        List<String> expected = new ArrayList<>();
        List<String> racy = new ArrayList<>();
        for (Object o : Json.array(access.get("recent"))) {
            Map<String, Object> event = Json.object(o);
            String location = Json.string(event.get("location"));
            String line = Json.string(event.get("kind")) + " " + (location.isEmpty() ? "unknown location" : location);
            boolean isRacy = Boolean.TRUE.equals(event.get("racy"));
            expected.add(isRacy ? line + " \u2190 this race" : line);
            if (isRacy) {
                racy.add(expected.get(expected.size() - 1));
            }
        }
        if (expected.isEmpty()) {
            assertEquals("no events recorded", column.selectFirst("p.none").text());
            return;
        }
        assertEquals(expected, column.select("ol.events > li").eachText());
        assertEquals(racy, column.select("ol.events > li.racy").eachText());
    }
}
