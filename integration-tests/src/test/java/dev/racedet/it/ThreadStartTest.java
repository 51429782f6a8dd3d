package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The start edge comes from the start that succeeded, inside the JDK: when two threads race to start
 * one thread, only the winner's earlier writes are ordered before it, and the loser's are reported.
 * (A start recorded at the call site would fork the thread twice, from both callers, and hide the
 * loser's race.)
 */
class ThreadStartTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void only_the_successful_start_of_a_racing_double_start_orders_the_thread(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.threads.*")
                        .setJson(run.jsonPath().toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.threads.DoubleStart");

        assertEquals(0, result.exitCode(), result::toString);
        String[] losses = result.stdout().strip().split(" ");
        Map<String, Long> expected = new TreeMap<>();
        putIfPositive(expected, "fromFirst", Long.parseLong(losses[0]));
        putIfPositive(expected, "fromSecond", Long.parseLong(losses[1]));
        Map<String, Long> reported = new TreeMap<>();
        for (Map<String, Object> race : result.races()) {
            String field = Json.string(race.get("field")).replace("dev.racedet.it.threads.DoubleStart$Box.", "");
            reported.merge(field, Json.integer(race.get("count")), Long::sum);
        }
        assertEquals(expected, reported, "a race per round, on the field of the racer whose start failed\n" + result);
    }

    private static void putIfPositive(Map<String, Long> map, String key, long value) {
        if (value > 0) {
            map.put(key, value);
        }
    }
}
