package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import dev.racedet.it.support.Sources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The previous access of a race has its full recorded stack (the calling contexts of checked code),
 * correct after an exception unwound checked frames; both threads say where they were started, and
 * both sides name the monitors held.
 */
class PreviousStackTest {
    private static final String CLASS = "dev.racedet.it.programs.PreviousStackProgram";
    private static final String LOCKS = "dev.racedet.it.programs.LocksHeldProgram";
    private static final Path SOURCE = Path.of("src/test/java/dev/racedet/it/programs/PreviousStackProgram.java");

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void previous_access_has_its_recorded_stack_and_no_frame_of_an_unwound_call(Jdks.Jdk jdk) throws Exception {
        {
            AgentRun run = AgentRun.on(jdk.home());
            AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.programs.*")
                    .setJson(run.jsonPath().toString()))
                    .runClass(AgentRun.requiredPath("targets.classes"), CLASS);
            assertEquals(0, result.exitCode(), result::toString);
            List<Map<String, Object>> races = result.races();
            assertEquals(1, races.size(), result::toString);
            Map<String, Object> race = races.get(0);
            Map<String, Object> previous = Json.object(race.get("previous"));
            Map<String, Object> access = Json.object(race.get("access"));
            assertEquals("first", Json.string(previous.get("thread")), result::toString);
            assertEquals(List.of(frame("write", "// WRITE"), frame("afterException", "// WRITE CALL AFTER EXCEPTION"),
                    frame("lambda$main$0", "// FIRST THREAD CALL")), Json.array(previous.get("stack")), result::toString);
            assertEquals(true, previous.get("stackRecorded"));
            assertEquals(List.of(frame("main", "// START FIRST")), Json.array(previous.get("threadStart")));
            // The current access's stack is the real one, captured when the race was found
            List<Object> stack = Json.array(access.get("stack"));
            assertEquals(List.of(frame("write", "// WRITE"), frame("fromMain", "// WRITE CALL FROM MAIN"),
                    frame("main", "// MAIN CALL")), stack.subList(0, 3), result::toString);
            assertEquals(List.of(), Json.array(access.get("threadStart")), "main was not started by checked code");
            assertEquals(0, Json.integer(result.summary().get("internalErrors")), result::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void each_side_names_the_monitors_its_thread_held(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.programs.*")
                .setJson(run.jsonPath().toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), LOCKS);
        assertEquals(0, result.exitCode(), result::toString);
        List<Map<String, Object>> races = result.races();
        assertEquals(1, races.size(), result::toString);
        Map<String, Object> previous = Json.object(races.get(0).get("previous"));
        Map<String, Object> access = Json.object(races.get(0).get("access"));
        // recorded with the previous access: the monitors' classes, innermost first
        assertEquals(List.of("monitor of a " + LOCKS + "$WriterGuard", "monitor of class " + LOCKS),
                Json.array(previous.get("locksHeld")), result::toString);
        // seen at the current access: the monitor object itself
        List<Object> held = Json.array(access.get("locksHeld"));
        assertEquals(1, held.size(), result::toString);
        assertTrue(Json.string(held.get(0)).matches("monitor of " + Pattern.quote(LOCKS + "$ReaderGuard") + "@[0-9a-f]+"),
                held::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void stacks_option_limits_every_stack_of_a_report(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.programs.*").setStacks(1)
                .setJson(run.jsonPath().toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), CLASS);
        List<Map<String, Object>> races = result.races();
        assertEquals(1, races.size(), result::toString);
        for (String side : List.of("access", "previous")) {
            Map<String, Object> access = Json.object(races.get(0).get(side));
            assertEquals(List.of(frame("write", "// WRITE")), Json.array(access.get("stack")), result::toString);
        }
        assertEquals(List.of(frame("main", "// START FIRST")),
                Json.array(Json.object(races.get(0).get("previous")).get("threadStart")));
    }

    private static String frame(String method, String marker) throws Exception {
        return CLASS + "." + method + "(PreviousStackProgram.java:" + Sources.lineOf(SOURCE, marker) + ")";
    }
}
