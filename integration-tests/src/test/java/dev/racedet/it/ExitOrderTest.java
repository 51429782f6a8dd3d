package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** racedet finishes after the application: its shutdown hooks and daemon threads are covered. */
class ExitOrderTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void races_in_shutdown_hooks_and_daemon_threads_are_in_the_json_and_the_summary(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.*")
                        .setJson(run.jsonPath().toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.output.ShutdownHookRaces");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("main done\n", result.stdout(), result::toString);
        assertEquals(Set.of("dev.racedet.it.output.ShutdownHookRaces.betweenHooks",
                        "dev.racedet.it.output.ShutdownHookRaces.withDaemon"),
                result.races().stream().map(r -> Json.string(r.get("field"))).collect(Collectors.toSet()),
                result::toString);
        assertEquals(2, Json.integer(result.summary().get("races")), result::toString);
        List<String> racedetLines = result.stderr().lines()
                .filter(l -> l.startsWith("racedet: ") || l.startsWith("WARNING: racedet: ")).toList();
        assertEquals(3, racedetLines.size(), result::toString);
        assertTrue(racedetLines.get(2).startsWith("racedet: 2 races on 2 fields ("), result::toString);
    }
}
