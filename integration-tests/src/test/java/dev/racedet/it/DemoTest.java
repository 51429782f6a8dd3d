package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Json;
import dev.racedet.it.support.Sources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The demo app, run the way the README runs it: {@code java -javaagent:racedet.jar -jar demo-app.jar}. */
class DemoTest {
    private static final String FIELD = "demo.UnsafeCounter.a";

    @Test
    void demo_reports_lost_update_while_running_then_prints_value() throws Exception {
        AgentRun run = AgentRun.onThisJdk().mergeStreams();
        AgentRun.Result result = run.agent(new AgentOptions().setJson(run.jsonPath().toString()))
                .runJar(demoJar(), "racy");
        assertEquals(0, result.exitCode(), result::toString);

        String output = result.stdout();
        int warning = output.indexOf("WARNING: racedet: data race on field " + FIELD);
        int value = output.indexOf("The value of a is: ");
        assertTrue(warning >= 0 && value > warning, "report must come before the final value line:\n" + output);
        String frame = "at demo.UnsafeCounter.increment(UnsafeCounter.java:" + incrementLine() + ")";
        assertTrue(output.indexOf(frame, warning) > warning, "both sides name the a++ line:\n" + output);
        assertTrue(output.contains("racedet: 1 race on 1 field"), output);
    }

    @Test
    void demo_json_names_both_sites_both_stacks_and_where_the_workers_started() throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        AgentRun.Result result = run.agent(new AgentOptions().setJson(run.jsonPath().toString()))
                .runJar(demoJar(), "racy");

        List<Map<String, Object>> races = result.races();
        assertEquals(1, races.size(), result::toString);
        Map<String, Object> race = races.get(0);
        assertEquals(FIELD, Json.string(race.get("field")));
        assertTrue(Json.integer(race.get("count")) >= 1);
        String site = "demo.UnsafeCounter.increment(UnsafeCounter.java:" + incrementLine() + ")";
        Map<String, Object> access = Json.object(race.get("access"));
        Map<String, Object> previous = Json.object(race.get("previous"));
        assertEquals(site, Json.string(access.get("location")));
        assertEquals(site, Json.string(previous.get("location")));
        assertTrue(Json.string(access.get("thread")).startsWith("worker-"));
        assertTrue(Json.string(previous.get("thread")).startsWith("worker-"));
        List<Object> stack = Json.array(access.get("stack"));
        assertEquals(site, Json.string(stack.get(0)));
        assertTrue(Json.string(stack.get(1)).startsWith("demo.Main.lambda$run$"), stack::toString);
        // The previous access's stack is recorded: the checked frames, the same path as the current one
        List<Object> previousStack = Json.array(previous.get("stack"));
        assertEquals(site, Json.string(previousStack.get(0)));
        assertTrue(Json.string(previousStack.get(1)).startsWith("demo.Main.lambda$run$"), previousStack::toString);
        assertEquals(2, previousStack.size(), previousStack::toString);
        assertEquals(true, previous.get("stackRecorded"));
        assertEquals(false, access.get("stackRecorded"));
        // Both workers were started by Demo's run method, called from main
        for (Map<String, Object> side : List.of(access, previous)) {
            List<Object> started = Json.array(side.get("threadStart"));
            assertTrue(Json.string(started.get(0)).startsWith("demo.Main.run(Main.java:"), started::toString);
            assertTrue(Json.string(started.get(started.size() - 1)).startsWith("demo.Main.main(Main.java:"),
                    started::toString);
        }
        assertTrue(Json.string(race.get("object")).startsWith("demo.UnsafeCounter@"), race::toString);
        assertTrue(List.of("write-write", "write-read", "read-write").contains(Json.string(race.get("kind"))));
        assertEquals(0, Json.integer(result.summary().get("internalErrors")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"synchronized", "atomic", "lock"})
    void synchronized_variant_reports_no_race(String variant) throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        AgentRun.Result result = run.agent(new AgentOptions().setJson(run.jsonPath().toString()))
                .runJar(demoJar(), variant);
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stdout().contains("5000000"), result::toString);
        assertEquals(List.of(), result.races(), result::toString);
        assertTrue(result.stderr().contains("racedet: 0 races on 0 fields (0 repeats), 0 internal errors"),
                result::toString);
    }

    @Test
    void default_run_reports_only_the_racy_counter() throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        AgentRun.Result result = run.agent(new AgentOptions().setJson(run.jsonPath().toString()))
                .runJar(demoJar());
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(FIELD), result.races().stream().map(r -> Json.string(r.get("field"))).toList());
        assertTrue(result.stdout().contains("The value of a is: "), result::toString);
    }

    private static Path demoJar() {
        return AgentRun.requiredPath("demo.jar");
    }

    private static int incrementLine() throws java.io.IOException {
        return Sources.lineOf(AgentRun.requiredPath("demo.sources").resolve("demo/UnsafeCounter.java"), "a++;");
    }
}
