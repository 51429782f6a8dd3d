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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing is lost: the JSON report on disk is valid and up to date while the program runs, so a JVM
 * that dies without running shutdown hooks still leaves its races; an output that cannot be written
 * is reported and the reports go elsewhere.
 */
class OutputDurabilityTest {
    private static final String RACE_LINE = "WARNING: racedet: data race on field dev.racedet.it.output.";


    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void json_holds_the_race_after_runtime_halt(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(options(run.jsonPath()))
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.output.HaltAfterRace",
                        run.jsonPath().toString());

        assertEquals(3, result.exitCode(), result::toString);
        assertEquals(List.of("dev.racedet.it.output.HaltAfterRace.shared"), fields(result.races()), result::toString);
        assertFalse(result.stderr().contains("racedet: 1 race"), "no exit hook ran: " + result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void json_holds_the_race_after_kill_9_and_parses_whenever_it_is_read(Jdks.Jdk jdk) throws Exception {
        Path dir = Files.createTempDirectory("racedet-kill");
        Path json = dir.resolve("report.json");
        try (LiveProcess jvm = LiveProcess.start(jdk.home(), dir, options(json), "dev.racedet.it.output.RaceThenWait")) {
            jvm.awaitStderr(text -> text.contains(RACE_LINE));
            // every read while the program runs must be a whole report: the file is replaced, never rewritten
            jvm.await(json, text -> !fields(races(text)).isEmpty());
            assertNotEquals(0, jvm.kill());
            assertEquals(List.of("dev.racedet.it.output.RaceThenWait.shared"),
                    fields(races(Files.readString(json, StandardCharsets.UTF_8))));
            assertFalse(jvm.stderrText().contains("racedet: 1 race"), "no exit hook ran");
        }
    }

    @Test
    void out_on_a_full_disk_is_reported_once_and_reports_fall_back_to_stderr() throws Exception {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "needs Linux /dev/full");
        AgentRun run = AgentRun.onThisJdk();
        AgentRun.Result result = run.agent(options(run.jsonPath()).setOut(full.toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.targets.WriteWriteNoLock");

        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = result.stderr().lines().filter(l -> l.startsWith("racedet: ")).toList();
        assertEquals(2, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("racedet: cannot write the 'out' file /dev/full ("), lines.get(0));
        assertEquals("racedet: 1 race on 1 field (0 repeats), 1 internal error", lines.get(1));
        assertEquals(1, result.stderr().lines().filter(l -> l.startsWith("WARNING: racedet: data race")).count(),
                result::toString);
        assertEquals(1, Json.integer(result.summary().get("internalErrors")), result::toString);
        assertEquals(1, result.races().size(), result::toString);
    }

    @Test
    void stderr_closed_by_the_application_counts_one_internal_error_and_the_json_keeps_the_race() throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        AgentRun.Result result = run.agent(options(run.jsonPath()))
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.output.ClosesStderr");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("done\n", result.stdout(), result::toString);
        assertEquals(List.of("dev.racedet.it.output.ClosesStderr.shared"), fields(result.races()), result::toString);
        assertEquals(1, Json.integer(result.summary().get("internalErrors")), result::toString);
    }

    @Test
    void json_on_a_full_disk_is_reported_once_and_counted() throws Exception {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "needs Linux /dev/full");
        AgentRun run = AgentRun.onThisJdk();
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.*").setJson(full.toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.targets.WriteWriteNoLock");

        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = result.stderr().lines().filter(l -> l.startsWith("racedet: ")).toList();
        assertEquals(2, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("racedet: cannot write the 'json' file /dev/full ("), lines.get(0));
        assertEquals("racedet: 1 race on 1 field (0 repeats), 1 internal error", lines.get(1));
    }

    @Test
    void json_and_out_naming_one_file_through_a_link_is_a_startup_error() throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        Path out = run.directory().resolve("racedet.txt");
        Path link = Files.createSymbolicLink(run.directory().resolve("link.json"), out);
        AgentRun.Result result = run.agent(new AgentOptions().setOut(out.toString()).setJson(link.toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.targets.WriteWriteNoLock");

        assertEquals(1, result.exitCode(), result::toString);
        assertEquals("", result.stdout(), "main must not run");
        assertEquals(List.of("racedet: 'json' and 'out' name the same file " + link), result.stderr().lines()
                .map(l -> l.replaceAll(" \\(valid options: .*", "")).toList());
    }

    private static AgentOptions options(Path json) {
        return new AgentOptions().setInclude("dev.racedet.it.*").setJson(json.toString());
    }

    private static List<Map<String, Object>> races(String json) {
        return Json.array(Json.object(Json.parse(json)).get("races")).stream().map(Json::object).toList();
    }

    private static List<String> fields(List<Map<String, Object>> races) {
        return races.stream().map(r -> Json.string(r.get("field"))).toList();
    }
}
