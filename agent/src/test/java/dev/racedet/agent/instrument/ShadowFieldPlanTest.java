package dev.racedet.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShadowFieldPlanTest {

    @Test
    void has_shadow_only_for_fields_of_its_own_class() {
        ShadowFieldPlan plan = new ShadowFieldPlan("com/acme/Counter");
        plan.add("count", 1);
        assertTrue(plan.has("com.acme.Counter", "count"));
        assertFalse(plan.has("com.acme.Other", "count"));
        assertFalse(plan.has("com.acme.Counter", "other"));
    }

    @Test
    void name_declared_twice_gets_no_shadow() {
        // Bytecode may declare "x" as an int and as a long; one accessor per name would mix them.
        ShadowFieldPlan plan = new ShadowFieldPlan("a/B");
        plan.add("x", 1);
        plan.add("x", 2);
        plan.add("x", 3);
        assertFalse(plan.has("a.B", "x"));
    }
}
