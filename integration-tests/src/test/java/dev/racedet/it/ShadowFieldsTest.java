package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Json;
import org.junit.jupiter.api.Test;

/** The shadow fields racedet adds to checked classes must not change what the program sees. */
class ShadowFieldsTest {

    @Test
    void serialization_form_is_unchanged_by_shadow_fields() throws Exception {
        AgentRun.Result plain = AgentRun.onThisJdk()
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.programs.SerialForm");
        AgentRun run = AgentRun.onThisJdk();
        AgentRun.Result agented = run.agent(new AgentOptions().setInclude("dev.racedet.it.*")
                        .setJson(run.jsonPath().toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.programs.SerialForm");

        assertEquals(0, agented.exitCode(), agented::toString);
        assertTrue(plain.stdout().contains("fields balance owner\nround trip ada 100 0"), plain::toString);
        assertEquals(plain.stdout(), agented.stdout());
        assertEquals(0, Json.integer(agented.summary().get("internalErrors")));
    }
}
