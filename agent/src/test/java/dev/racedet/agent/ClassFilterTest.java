package dev.racedet.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

    @Test
    void star_matches_empty_runs_anywhere_in_the_pattern() {
        assertTrue(ClassPatterns.matches("*", ""));
        assertTrue(ClassPatterns.matches("a*", "a"));
        assertTrue(ClassPatterns.matches("*a*b*", "ab"));
        assertTrue(ClassPatterns.matches("a*b*c", "aXbYbZc"));
        assertFalse(ClassPatterns.matches("a*b*c", "aXbYbZ"));
        assertTrue(ClassPatterns.matches("*.Test?", "com.acme.TestX"));
        assertFalse(ClassPatterns.matches("*.Test?", "com.acme.Test"));
        assertTrue(ClassPatterns.matches("a**?", "ab"));
        assertFalse(ClassPatterns.matches("a**?", "a"));
    }

    @Test
    void pathological_pattern_against_a_long_name_answers_at_once() {
        // a backtracking regex needs about C(2000, 40) steps for this; the glob matcher pattern x name
        String pattern = "*a".repeat(40) + "*b";
        String name = "a".repeat(2_000);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertFalse(new ClassFilter(pattern, null).includes(name));
            assertTrue(new ClassFilter(pattern, null).includes(name + "b"));
        });
    }

    @Test
    void five_thousand_patterns_each_match_their_own_classes() {
        String include = IntStream.range(0, 5_000).mapToObj(i -> "p" + i + ".*").collect(Collectors.joining(":"));
        ClassFilter filter = new ClassFilter(include, "p42.internal.*");
        assertTrue(filter.includes("p0.A"));
        assertTrue(filter.includes("p4999.deep.B$C"));
        assertTrue(filter.includes("p42.A"));
        assertFalse(filter.includes("p42.internal.A"));
        assertFalse(filter.includes("p5000.A"));
        assertFalse(filter.includes("q1.A"));
    }

    @Test
    void pattern_lists_are_validated_without_regular_expressions() {
        assertTrue(ClassPatterns.isValid("com.acme.*:org.x.Y$Z:?"));
        String many = IntStream.range(0, 100_000).mapToObj(i -> "p" + i).collect(Collectors.joining(":"));
        assertTrue(ClassPatterns.isValid(many));
        assertFalse(ClassPatterns.isValid(many + ":"));
        assertFalse(ClassPatterns.isValid(""));
        assertFalse(ClassPatterns.isValid("a::b"));
        assertFalse(ClassPatterns.isValid("a/b"));
    }
}
