package dev.racedet.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassFilterTest {

    @Test
    void default_includes_application_classes_only() {
        ClassFilter filter = new ClassFilter(null, null);
        assertTrue(filter.includes("com.acme.Service"));
        assertTrue(filter.includes("Main"));
        assertTrue(filter.includes("dev.racedet.it.targets.Foo"));
        assertFalse(filter.includes("java.util.HashMap"));
        assertFalse(filter.includes("jdk.internal.misc.Unsafe"));
        assertFalse(filter.includes("sun.misc.Unsafe"));
        assertFalse(filter.includes("dev.racedet.runtime.Racedet"));
        assertFalse(filter.includes("dev.racedet.shaded.bytebuddy.ByteBuddy"));
    }

    @Test
    void star_matches_subpackages_and_nested_classes() {
        ClassFilter filter = new ClassFilter("com.acme.*", null);
        assertTrue(filter.includes("com.acme.Service"));
        assertTrue(filter.includes("com.acme.deep.pkg.Service$Inner"));
        assertFalse(filter.includes("com.acmex.Service"));
        assertFalse(filter.includes("org.other.Thing"));
    }

    @Test
    void question_mark_matches_exactly_one_character() {
        ClassFilter filter = new ClassFilter("a.B?", null);
        assertTrue(filter.includes("a.B1"));
        assertFalse(filter.includes("a.B"));
        assertFalse(filter.includes("a.B12"));
    }

    @Test
    void colon_separates_patterns_and_exclude_subtracts() {
        ClassFilter filter = new ClassFilter("com.acme.*:org.x.*", "com.acme.generated.*");
        assertTrue(filter.includes("org.x.Y"));
        assertTrue(filter.includes("com.acme.Z"));
        assertFalse(filter.includes("com.acme.generated.Z"));
    }

    @Test
    void dots_in_patterns_are_literal() {
        assertFalse(new ClassFilter("com.acme.A", null).includes("comXacme.A"));
    }

    @Test
    void jdk_and_racedet_are_never_instrumentable_even_when_included() {
        ClassFilter filter = new ClassFilter("*", null);
        assertFalse(filter.isInstrumentable("java.lang.Thread"));
        assertFalse(filter.isInstrumentable("dev.racedet.agent.AgentStartup"));
        assertTrue(filter.isInstrumentable("org.library.Pool"));
    }

    @Test
    void excluded_classes_stay_instrumentable_for_synchronization() {
        ClassFilter filter = new ClassFilter("com.acme.*", null);
        assertFalse(filter.includes("org.library.Pool"));
        assertTrue(filter.isInstrumentable("org.library.Pool"));
    }
}
