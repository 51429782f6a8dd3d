package dev.racedet.it.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import dev.racedet.it.support.Sources;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Array elements under the agent, on every installed JDK: the programs in
 * {@code dev.racedet.it.arrays.programs} mark every line that must appear in a report with
 * {@code // RACE}; each test also says which arrays race, by the name the report must give them,
 * and at which index. The bytecode is verified ({@code -XX:+BytecodeVerificationLocal}).
 */
class ArrayElementsTest {
    private static final String PROGRAMS = "dev.racedet.it.arrays.programs.";

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void same_element_of_every_element_type_is_reported_with_its_field_and_index(Jdks.Jdk jdk) throws Exception {
        String p = PROGRAMS + "ElementTypes.";
        Map<String, Long> expected = new TreeMap<>(Map.of(p + "ints[]", 1L, p + "longs[]", 2L, p + "doubles[]", 3L,
                p + "floats[]", 0L, p + "shorts[]", 1L, p + "chars[]", 2L, p + "bytes[]", 3L, p + "flags[]", 0L,
                p + "names[]", 1L, p + "shared[]", 2L));
        check(jdk, "ElementTypes", expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void different_elements_of_one_array_never_race(Jdks.Jdk jdk) throws Exception {
        check(jdk, "DistinctElements", Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void a_matrix_races_on_an_element_of_a_row_and_on_a_replaced_row(Jdks.Jdk jdk) throws Exception {
        String p = PROGRAMS + "TwoDimensional.";
        check(jdk, "TwoDimensional", Map.of(p + "cells[][]", 2L, p + "cells[]", 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void bulk_operations_race_on_exactly_the_elements_they_touch(Jdks.Jdk jdk) throws Exception {
        String p = PROGRAMS + "BulkOperations.";
        check(jdk, "BulkOperations", Map.of(p + "source[]", 2L, p + "target[]", 3L, p + "filled[]", 5L,
                p + "part[]", 2L, p + "copied[]", 2L, p + "ranged[]", 3L, p + "cloned[]", 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void ten_million_elements_touched_by_one_thread_fit_a_small_heap_and_stay_silent(Jdks.Jdk jdk) throws Exception {
        check(jdk, "LargeArray", Map.of(PROGRAMS + "LargeArray.big[]", 9_999_999L), "-Xmx112m");
    }

    /**
     * Runs {@code program} and checks that the races are exactly {@code expected} (array name to
     * element index), that every reported line is marked and every marked line reported, and that
     * nothing went wrong inside racedet.
     */
    private static void check(Jdks.Jdk jdk, String program, Map<String, Long> expected, String... jvmArgs)
            throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        String[] args = new String[jvmArgs.length + 2];
        args[0] = "-XX:+UnlockDiagnosticVMOptions";
        args[1] = "-XX:+BytecodeVerificationLocal";
        System.arraycopy(jvmArgs, 0, args, 2, jvmArgs.length);
        AgentRun.Result result = run.jvmArgs(args)
                .agent(new AgentOptions().setInclude(PROGRAMS + "*").setJson(run.jsonPath().toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), PROGRAMS + program);
        assertEquals(0, result.exitCode(), result::toString);

        Path source = AgentRun.requiredPath("targets.sources")
                .resolve((PROGRAMS + program).replace('.', '/') + ".java");
        Map<String, Long> reported = new TreeMap<>();
        Set<Integer> lines = new TreeSet<>();
        for (Map<String, Object> race : result.races()) {
            String field = Json.string(race.get("field"));
            Long previous = reported.put(field, Json.integer(race.get("index")));
            if (previous != null) {
                assertEquals(previous, reported.get(field), "one index per array\n" + result);
            }
            for (String side : new String[] {"access", "previous"}) {
                Sources.Frame frame = Sources.Frame.parse(Json.string(Json.object(race.get(side)).get("location")));
                assertEquals(program + ".java", frame.file(), "racing code is in the program\n" + result);
                lines.add(frame.line());
            }
        }
        assertEquals(new TreeMap<>(expected), reported, () -> "arrays and indexes\n" + result);
        assertEquals(Sources.markedLines(source), lines, () -> "reported lines\n" + result);
        Map<String, Object> summary = result.summary();
        assertEquals(0L, Json.integer(summary.get("internalErrors")), result::toString);
        assertEquals(0L, Json.integer(summary.get("skippedEvents")), result::toString);
    }
}
