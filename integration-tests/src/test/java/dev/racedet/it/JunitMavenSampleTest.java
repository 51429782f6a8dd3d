package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import dev.racedet.it.support.SampleProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sample Maven project (JUnit 5, Surefire with {@code @{argLine} -javaagent:racedet.jar=...})
 * built with real Maven: a racy test fails the build with racedet's report as its failure in
 * Surefire's XML report; the build passes once the code is fixed; with two forks each fork's JSON
 * report is written and {@code java -jar racedet.jar merge} merges them; and without
 * {@code -javaagent}, racedet.jar on the test class path installs itself.
 */
class JunitMavenSampleTest {
    private static final String COUNTER_TEST = "sample.CounterTest";
    private static final String STATS_TEST = "sample.StatsTest";

    @Test
    void racy_tests_fail_the_build_with_the_report_and_the_reports_of_both_forks_merge() throws Exception {
        SampleProject.Build build = SampleProject.copy().test("-DforkCount=2");

        assertNotEquals(0, build.exitCode(), build::toString);
        assertRacyTestsFailed(build);
        assertNull(build.failure(COUNTER_TEST, "counts_increments_from_one_thread"), build::toString);

        List<Path> reports = build.racedetReports();
        assertEquals(List.of("racedet-1.json", "racedet-2.json"),
                reports.stream().map(p -> p.getFileName().toString()).toList(), build::toString);
        Path merged = build.project().resolve("target/merged.json");
        List<String> command = new ArrayList<>(List.of("merge", merged.toString()));
        reports.forEach(p -> command.add(p.toString()));
        AgentRun.Result merge = AgentRun.onThisJdk().runJar(AgentRun.agentJar(), command.toArray(String[]::new));
        assertEquals(0, merge.exitCode(), merge::toString);

        Map<String, Long> expected = new HashMap<>();
        for (Path report : reports) {
            for (Object race : Json.array(Json.object(Json.parse(Files.readString(report))).get("races"))) {
                Map<String, Object> r = Json.object(race);
                expected.merge(Json.string(r.get("id")), Json.integer(r.get("count")), Long::sum);
            }
        }
        Map<String, Long> actual = new HashMap<>();
        Map<String, String> fields = new HashMap<>();
        Map<String, Object> mergedReport = Json.object(Json.parse(Files.readString(merged)));
        for (Object race : Json.array(mergedReport.get("races"))) {
            Map<String, Object> r = Json.object(race);
            assertNull(actual.put(Json.string(r.get("id")), Json.integer(r.get("count"))), "each race once: " + merged);
            fields.put(Json.string(r.get("field")), Json.string(r.get("id")));
            if (Json.string(r.get("field")).equals("sample.Counter.count")) {
                assertEquals("sample.CounterTest.counts_increments_from_two_threads()", Json.string(r.get("test")));
            }
        }
        assertEquals(expected, actual, "one race per id, counts summed over the forks\n" + merge);
        assertTrue(fields.containsKey("sample.Counter.count") && fields.containsKey("sample.Stats.total"), fields::toString);
        assertEquals((long) actual.size(), Json.integer(Json.object(mergedReport.get("summary")).get("races")));
        assertTrue(merge.stdout().contains("race on sample.Counter.count") && merge.stdout().contains(
                "racedet: " + actual.size() + " races on "), merge::toString);
    }

    @Test
    void the_build_passes_once_the_racy_code_is_fixed() throws Exception {
        SampleProject.Build build = SampleProject.copy().fix("Counter.java").fix("Stats.java").test();

        assertEquals(0, build.exitCode(), build::toString);
        assertNull(build.failure(COUNTER_TEST, "counts_increments_from_two_threads"), build::toString);
        assertNull(build.failure(STATS_TEST, "adds_values_from_pool_tasks"), build::toString);
        for (Path report : build.racedetReports()) {
            for (Object race : Json.array(Json.object(Json.parse(Files.readString(report))).get("races"))) {
                String field = Json.string(Json.object(race).get("field"));
                assertTrue(!field.startsWith("sample."), "no race on the fixed code: " + field + "\n" + build);
            }
        }
    }

    @Test
    void without_javaagent_racedet_on_the_test_class_path_installs_itself() throws Exception {
        // On the last installed JDK (25 where installed); JunitAttributionTest covers both modes on every JDK.
        List<Jdks.Jdk> jdks = Jdks.installed().toList();
        Path java = jdks.get(jdks.size() - 1).home().resolve("bin/java");
        SampleProject.Build build = SampleProject.copy().test("-Pself-install", "-Djvm=" + java);

        assertNotEquals(0, build.exitCode(), build::toString);
        assertRacyTestsFailed(build);
        assertEquals(List.of("racedet-self.json"),
                build.racedetReports().stream().map(p -> p.getFileName().toString()).toList(), build::toString);
    }

    /** Both racy tests failed with racedet's report: the test, the field, both threads, the stacks. */
    private static void assertRacyTestsFailed(SampleProject.Build build) throws Exception {
        String counter = build.failure(COUNTER_TEST, "counts_increments_from_two_threads");
        assertNotNull(counter, build::toString);
        assertTrue(counter.startsWith("racedet: 1 data race during test "
                + "\"sample.CounterTest.counts_increments_from_two_threads()\"\n"), counter);
        assertTrue(counter.contains("data race on field sample.Counter.count"), counter);
        assertTrue(counter.contains("thread \"incrementer\"") && counter.contains("thread \"main\""), counter);
        assertEquals(2, occurrences(counter, "at sample.Counter.increment(Counter.java:8)"), counter);

        String stats = build.failure(STATS_TEST, "adds_values_from_pool_tasks");
        assertNotNull(stats, build::toString);
        assertTrue(stats.contains("data race on field sample.Stats.total"), stats);
        assertTrue(stats.contains("at sample.StatsTest.lambda$adds_values_from_pool_tasks$"), stats);
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
