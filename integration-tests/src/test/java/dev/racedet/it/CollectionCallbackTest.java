package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A call from checked code through a JDK collection interface ({@code Iterator.hasNext}) into the
 * program's own implementation is not a JDK collection call: the JDK collection fields that code
 * touches through an excluded library are not reported at the call site.
 */
class CollectionCallbackTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void callback_into_checked_code_suspends_the_collection_call_site(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.programs.*")
                        .setExclude("dev.racedet.it.programs.lib.*").setJson(run.jsonPath().toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.programs.CollectionCallbackProgram");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(), result.races(), result::toString);
        assertEquals(0, Json.integer(result.summary().get("internalErrors")), result::toString);
    }
}
