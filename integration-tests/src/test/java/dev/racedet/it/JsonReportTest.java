package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The {@code json=} report, parsed with a strict JSON parser. */
class JsonReportTest {
    private static final Set<String> TOP_LEVEL = Set.of("version", "races", "summary");
    private static final Set<String> RACE_KEYS = Set.of("field", "kind", "count", "access", "previous");
    private static final Set<String> ACCESS_KEYS = Set.of("thread", "op", "location", "stack");

    @Test
    void racy_program_report_has_the_documented_shape() throws Exception {
        AgentRun.Result result = run("dev.racedet.it.targets.ReadWriteNoLock");
        Map<String, Object> report = result.report();
        assertEquals(TOP_LEVEL, report.keySet());
        assertEquals(1, Json.integer(report.get("version")));
        List<Map<String, Object>> races = result.races();
        assertEquals(1, races.size());
        Map<String, Object> race = races.get(0);
        assertTrue(race.keySet().containsAll(RACE_KEYS), race::toString);
        // the previous access's operation, then the current one's
        assertEquals(Json.string(Json.object(race.get("previous")).get("op")) + "-"
                + Json.string(Json.object(race.get("access")).get("op")), Json.string(race.get("kind")));
        assertEquals(1, Json.integer(race.get("count")));
        Set<String> ops = new TreeSet<>();
        for (String side : List.of("access", "previous")) {
            Map<String, Object> access = Json.object(race.get(side));
            assertTrue(access.keySet().containsAll(ACCESS_KEYS), access::toString);
            ops.add(Json.string(access.get("op")));
            List<Object> stack = Json.array(access.get("stack"));
            assertEquals(Json.string(access.get("location")), Json.string(stack.get(0)));
        }
        assertEquals(Set.of("read", "write"), ops);
        Map<String, Object> summary = result.summary();
        assertEquals(1, Json.integer(summary.get("races")));
        assertEquals(1, Json.integer(summary.get("fields")));
        assertEquals(0, Json.integer(summary.get("internalErrors")));
    }

    @Test
    void clean_program_report_has_empty_races() throws Exception {
        AgentRun.Result result = run("dev.racedet.it.programs.NoRaces");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(), Json.array(result.report().get("races")));
        Map<String, Object> summary = result.summary();
        assertEquals(0, Json.integer(summary.get("races")));
        assertEquals(0, Json.integer(summary.get("fields")));
        assertEquals(0, Json.integer(summary.get("internalErrors")));
    }

    @Test
    void field_names_the_declaring_class_not_the_accessing_subclass() throws Exception {
        AgentRun.Result result = run("dev.racedet.it.targets.InheritedFieldRace");
        assertEquals(List.of("dev.racedet.it.targets.InheritedFieldRace$Meter.level"),
                result.races().stream().map(r -> Json.string(r.get("field"))).toList());
    }

    @Test
    void report_is_written_after_system_exit() throws Exception {
        AgentRun.Result result = run("dev.racedet.it.programs.ExitInsideMain");
        assertEquals(3, result.exitCode(), result::toString);
        assertEquals(1, result.races().size(), result::toString);
    }

    @Test
    void report_is_written_after_exception_escapes_main() throws Exception {
        AgentRun.Result result = run("dev.racedet.it.programs.ThrowFromMain");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("escaping main on purpose"), result::toString);
        assertEquals(1, result.races().size(), result::toString);
    }

    @Test
    void thread_names_are_escaped_and_parse_back_unchanged() throws Exception {
        AgentRun.Result result = run("dev.racedet.it.programs.OddThreadNames");
        Map<String, Object> race = result.races().get(0);
        Set<String> names = Set.of(Json.string(Json.object(race.get("access")).get("thread")),
                Json.string(Json.object(race.get("previous")).get("thread")));
        assertEquals(Set.of("quote\" back\\slash /slash", "tab\t newline\n bell\u0007 caf\u00e9 clef\uD834\uDD1E"),
                names);
    }

    private static AgentRun.Result run(String mainClass) throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        return run.agent(new AgentOptions().setInclude("dev.racedet.it.*").setJson(run.jsonPath().toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), mainClass);
    }
}
