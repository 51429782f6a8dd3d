package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.output.LiveProcess;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import dev.racedet.it.support.SarifLog;
import dev.racedet.it.support.Sources;
import dev.racedet.runtime.report.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code sarif=}: a real racedet SARIF file is valid against the official SARIF 2.1.0 schema, holds one
 * result per race of the JSON report with the same fingerprints, and names the source file relative to
 * the repository root (what GitHub code scanning shows) with the racy lines.
 */
class SarifReportTest {
    private static final String TARGET = "dev.racedet.it.sarif.TwoRaces";
    private static final String PACKAGE_PATH = "dev/racedet/it/sarif/TwoRaces.java";

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void sarif_is_schema_valid_and_has_one_result_per_race_at_the_racy_lines_of_the_repository_file(Jdks.Jdk jdk)
            throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        Path project = run.directory(); // the JVM's working directory: a repository with a Maven module "app"
        Files.createDirectory(project.resolve(".git"));
        Path source = copySource(project.resolve("app/src/main/java"));
        Path sarif = project.resolve("races.sarif");

        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.sarif.*")
                        .setJson(run.jsonPath().toString()).setSarif(sarif.toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), TARGET);

        assertEquals(0, result.exitCode(), result::toString);
        SarifLog log = SarifLog.read(sarif);
        Map<String, Map<String, Object>> races = result.races().stream()
                .collect(Collectors.toMap(r -> Json.string(r.get("id")), Function.identity()));
        List<Map<String, Object>> results = log.results();
        assertFalse(races.isEmpty(), result::toString);
        assertEquals(races.size(), results.size(), "one result per race");
        assertEquals(races.keySet(), results.stream().map(SarifLog::raceId).collect(Collectors.toSet()));

        Set<Long> reportedLines = new TreeSet<>();
        for (Map<String, Object> r : results) {
            Map<String, Object> race = races.get(SarifLog.raceId(r));
            for (Map<String, Object> location : List.of(SarifLog.primary(r), SarifLog.related(r))) {
                assertEquals("app/src/main/java/" + PACKAGE_PATH, Json.string(SarifLog.artifact(location).get("uri")));
                assertTrue(Files.isSameFile(source, log.file(location)), location::toString);
                reportedLines.add(SarifLog.startLine(location));
            }
            assertEquals(line(race, "access"), SarifLog.startLine(SarifLog.primary(r)), r::toString);
            assertEquals(line(race, "previous"), SarifLog.startLine(SarifLog.related(r)), r::toString);
            assertEquals("warning", r.get("level"));
            assertEquals("data-race", r.get("ruleId"));
            assertThreadFlowsEndAtTheAccesses(r);
        }
        assertEquals(Sources.markedLines(source).stream().map(Integer::longValue).collect(Collectors.toSet()),
                reportedLines, "the racy lines, and only them");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void sarif_holds_the_race_after_kill_9_and_is_valid_whenever_it_is_read(Jdks.Jdk jdk) throws Exception {
        Path dir = Files.createTempDirectory("racedet-sarif-kill");
        Path sarif = dir.resolve("races.sarif");
        AgentOptions options = new AgentOptions().setInclude("dev.racedet.it.*").setSarif(sarif.toString());
        try (LiveProcess jvm = LiveProcess.start(jdk.home(), dir, options, "dev.racedet.it.output.RaceThenWait")) {
            // every read while the program runs must be a whole, valid log: the file is replaced, never rewritten
            jvm.await(sarif, text -> SarifLog.schemaErrors(text).isEmpty() && text.contains("\"ruleId\""));
            assertNotEquals(0, jvm.kill());
            List<Map<String, Object>> results = SarifLog.read(sarif).results();
            assertEquals(1, results.size(), results::toString);
            assertEquals("dev.racedet.it.output.RaceThenWait.shared",
                    Json.object(results.get(0).get("properties")).get("field"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void a_file_outside_every_source_root_keeps_its_package_relative_path(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        Path sarif = run.directory().resolve("races.sarif");
        Path root = Files.createDirectories(run.directory().resolve("elsewhere"));

        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.sarif.*")
                        .setSarif(sarif.toString()).setSourceRoot(root.toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), TARGET);

        assertEquals(0, result.exitCode(), result::toString);
        SarifLog log = SarifLog.read(sarif);
        assertEquals(root.toUri(), log.sourceRoot());
        Set<Object> artifacts = new HashSet<>();
        for (Map<String, Object> r : log.results()) {
            artifacts.add(SarifLog.artifact(SarifLog.primary(r)));
        }
        assertEquals(Set.of(Map.of("uri", PACKAGE_PATH)), artifacts, "no uriBaseId: not found under the root");
    }

    private static void assertThreadFlowsEndAtTheAccesses(Map<String, Object> result) {
        List<Map<String, Object>> flows = SarifLog.threadFlows(result);
        assertEquals(2, flows.size(), result::toString);
        List<Map<String, Object>> sites = List.of(SarifLog.primary(result), SarifLog.related(result));
        for (int i = 0; i < 2; i++) {
            List<Object> steps = Json.array(flows.get(i).get("locations"));
            Map<String, Object> last = Json.object(steps.get(steps.size() - 1));
            assertEquals("essential", last.get("importance"));
            assertEquals(SarifLog.startLine(sites.get(i)), SarifLog.startLine(Json.object(last.get("location"))));
            for (Object step : steps.subList(0, steps.size() - 1)) { // framework frames are left out
                String method = Json.string(Json.object(Json.array(Json.object(Json.object(step).get("location"))
                        .get("logicalLocations")).get(0)).get("fullyQualifiedName"));
                assertFalse(Frame.parse(method + "(F.java)").isFramework(), method);
            }
        }
    }

    private static long line(Map<String, Object> race, String side) {
        return Sources.Frame.parse(Json.string(Json.object(race.get(side)).get("location"))).line();
    }

    private static Path copySource(Path sourceRoot) throws Exception {
        Path target = sourceRoot.resolve(PACKAGE_PATH);
        Files.createDirectories(target.getParent());
        return Files.copy(AgentRun.requiredPath("targets.sources").resolve(PACKAGE_PATH), target);
    }
}
