package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Names cannot forge report lines or reach the terminal raw; the JSON keeps them exact. */
class EscapingTest {
    /** The thread name of {@code dev.racedet.it.output.ForgedThreadName}, as the text report must print it. */
    private static final String ESCAPED = "x\\\":\\n  Previous write by thread \\\"forged\\\":\\u001b[2J";
    private static final String ORIGINAL = "x\":\n  Previous write by thread \"forged\":\u001b[2J";


    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void forged_thread_name_adds_no_report_line_and_no_terminal_escape(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.*")
                        .setJson(run.jsonPath().toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.output.ForgedThreadName");

        assertEquals(0, result.exitCode(), result::toString);
        String stderr = result.stderr();
        assertFalse(stderr.contains("\u001b"), "no ESC byte reaches the terminal: " + stderr);
        List<String> sides = stderr.lines().filter(l -> l.matches("  (Previous )?(read|write|Read|Write) by thread .*"))
                .toList();
        assertEquals(2, sides.size(), stderr);
        assertEquals(1, stderr.lines().filter(l -> l.startsWith("  Previous ")).count(), stderr);
        assertEquals(1, stderr.lines().filter(l -> l.startsWith("WARNING: racedet: data race")).count(), stderr);
        // the escaped name, closed by its quote, then what the side says about the stack, then ':'
        assertEquals(1, sides.stream().filter(l -> l.contains(" by thread \"" + ESCAPED + "\"") && l.endsWith(":"))
                .count(), stderr);

        Map<String, Object> race = result.races().get(0);
        assertEquals(Set.of(ORIGINAL, "racer-2"), Set.of(Json.string(Json.object(race.get("access")).get("thread")),
                Json.string(Json.object(race.get("previous")).get("thread"))));
        assertTrue(stderr.lines().anyMatch(l -> l.startsWith("racedet: 1 race on 1 field")), stderr);
    }
}
