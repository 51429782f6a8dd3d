package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.junit.JunitProgram;
import dev.racedet.it.junit.JunitTargets;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * racedet's JUnit glue in a real JUnit Platform run ({@link JunitProgram} on {@link JunitTargets}),
 * with racedet as {@code -javaagent} and self-installed from the class path, on every JDK: each race
 * fails the test it happened in, including races in threads the test started and in pool threads
 * that ran its tasks; a clean test next to a racy one passes; a race in {@code @BeforeAll} fails the
 * class; races in threads a test left running, found after it ended, fail no test and are reported
 * at the end of the run. Registering racedet's extension does not register the user's autodetectable
 * extensions (one is on this class path), and works where the user enabled autodetection.
 */
class JunitAttributionTest {
    private static final String TARGETS = JunitTargets.class.getName();

    static Stream<Arguments> modes() {
        return Jdks.installed().flatMap(jdk -> Stream.of(Arguments.of(jdk, "agent"), Arguments.of(jdk, "self-install")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modes")
    void each_race_fails_the_test_it_happened_in(Jdks.Jdk jdk, String mode) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentOptions options = new AgentOptions().setInclude("dev.racedet.it.junit.*").setJson(run.jsonPath().toString());
        if (mode.equals("agent")) {
            run.agent(options);
        } else {
            // The user turned autodetection on for their own extensions: racedet's must run too.
            run.jvmArgs("-Dracedet.options=" + options, "-Djunit.jupiter.extensions.autodetection.enabled=true");
        }
        AgentRun.Result result = run.runClass(testClassPath(), JunitProgram.class.getName(),
                TARGETS + "$StartedThread", TARGETS + "$PoolTasks", TARGETS + "$RaceInBeforeAll",
                TARGETS + "$LeakedThreads");
        assertEquals(0, result.exitCode(), result::toString);
        Map<String, Map<String, Object>> outcomes = outcomes(result.stdout());
        // racedet enables autodetection for its own extension only; the user's runs where they enabled it.
        assertEquals(mode.equals("self-install"), result.stdout().contains("user extension ran before"), result::toString);

        String started = failure(outcomes, "StartedThread", "races_with_a_thread_it_started", result);
        assertTrue(started.startsWith("racedet: 1 data race during test \"" + TARGETS
                + "$StartedThread.races_with_a_thread_it_started()\"\n"), started);
        assertTrue(started.contains("data race on field " + TARGETS + "$Box.value"), started);
        assertTrue(started.contains("\"started-by-test\""), started);
        assertEquals("SUCCESSFUL", status(outcomes, "StartedThread", "does_not_race"), result::toString);

        String pool = failure(outcomes, "PoolTasks", "races_in_pool_tasks", result);
        assertTrue(pool.contains(TARGETS + "$Box.value") && pool.contains("by thread \"pool-"), pool);

        assertEquals("SUCCESSFUL", status(outcomes, "RaceInBeforeAll", "does_not_race"), result::toString);
        String beforeAll = failure(outcomes, "RaceInBeforeAll", null, result);
        assertTrue(beforeAll.startsWith("racedet: 1 data race during test \"" + TARGETS + "$RaceInBeforeAll\"\n"), beforeAll);
        assertTrue(beforeAll.contains("\"started-in-before-all\""), beforeAll);

        assertEquals("SUCCESSFUL", status(outcomes, "LeakedThreads", "a_leaves_threads_running"), result::toString);
        assertEquals("SUCCESSFUL", status(outcomes, "LeakedThreads", "b_wakes_them"), result::toString);
        assertTrue(result.stderr().contains("racedet: race in test \"" + TARGETS
                + "$LeakedThreads.a_leaves_threads_running()\" found after the test ended:\n"), result::toString);

        // Every race racedet found is one of the four above, and the JSON report names its test.
        Set<String> tests = new TreeSet<>();
        for (Map<String, Object> race : result.races()) {
            assertEquals(TARGETS + "$Box.value", Json.string(race.get("field")), result::toString);
            tests.add(Json.string(race.get("test")).replace(TARGETS + "$", ""));
        }
        assertEquals(Set.of("StartedThread.races_with_a_thread_it_started()", "PoolTasks.races_in_pool_tasks()",
                "RaceInBeforeAll", "LeakedThreads.a_leaves_threads_running()"), tests, result::toString);
        assertEquals(4, result.races().size(), result::toString);
    }

    /** This module's test class path, which has JUnit's launcher and racedet.jar (a test dependency). */
    private static Path testClassPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Path.of(path);
    }

    /** The outcome lines of {@link JunitProgram}, by "Class" (container) or "Class#method" (test). */
    private static Map<String, Map<String, Object>> outcomes(String stdout) {
        Map<String, Map<String, Object>> byName = new HashMap<>();
        for (String line : stdout.split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            Map<String, Object> outcome = Json.object(Json.parse(line));
            String id = Json.string(outcome.get("id"));
            int cls = id.indexOf("[class:");
            if (cls < 0) {
                continue; // the engine
            }
            String name = id.substring(cls + "[class:".length(), id.indexOf(']', cls)).replace(TARGETS + "$", "");
            int method = id.indexOf("[method:");
            if (method >= 0) {
                name += "#" + id.substring(method + "[method:".length(), id.indexOf('(', method));
            }
            assertFalse(byName.containsKey(name), "one outcome per test: " + stdout);
            byName.put(name, outcome);
        }
        return byName;
    }

    private static String status(Map<String, Map<String, Object>> outcomes, String cls, String method) {
        Map<String, Object> outcome = outcomes.get(method == null ? cls : cls + "#" + method);
        return outcome == null ? "not run" : Json.string(outcome.get("status"));
    }

    private static String failure(Map<String, Map<String, Object>> outcomes, String cls, String method,
                                  AgentRun.Result result) {
        assertEquals("FAILED", status(outcomes, cls, method), () -> cls + "#" + method + "\n" + result);
        return Json.string(outcomes.get(method == null ? cls : cls + "#" + method).get("message"));
    }
}
