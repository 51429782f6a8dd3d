package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application that runs out of stack, catches the {@link StackOverflowError} and goes on still gets
 * racedet's summary and JSON: the exit path was prepared at startup, and overflows inside hooks are
 * skipped events, not internal errors.
 */
class ExitAfterStackOverflowTest {
    private static final String PROGRAM = "dev.racedet.it.output.CatchesStackOverflow";


    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void app_that_catches_stack_overflow_gets_summary_and_json(Jdks.Jdk jdk) throws Exception {
        Path classes = AgentRun.requiredPath("targets.classes");
        AgentRun.Result plain = AgentRun.on(jdk.home()).runClass(classes, PROGRAM);
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.*")
                .setJson(run.jsonPath().toString())).runClass(classes, PROGRAM);

        assertEquals(0, plain.exitCode(), plain::toString);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(plain.stdout(), result.stdout(), result::toString);
        assertFalse(result.stderr().contains("racedet: internal error"), result::toString);
        assertFalse(result.stderr().contains("NoClassDefFoundError"), result::toString);
        Map<String, Object> summary = result.summary();
        assertEquals(0, Json.integer(summary.get("internalErrors")), result::toString);
        long skipped = Json.integer(summary.get("skippedEvents"));
        assertEquals(List.of("dev.racedet.it.output.CatchesStackOverflow.shared"),
                result.races().stream().map(r -> Json.string(r.get("field"))).toList(), result::toString);
        String expectedSummary = "racedet: 1 race on 1 field (0 repeats), 0 internal errors"
                + (skipped == 0 ? "" : ", " + skipped + " event" + (skipped == 1 ? "" : "s")
                        + " skipped (stack or heap exhausted)");
        assertTrue(result.stderr().lines().anyMatch(expectedSummary::equals), result::toString);
    }
}
