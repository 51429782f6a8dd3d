package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The options that make racedet usable in CI, on real JVMs of every installed JDK: {@code exitcode},
 * {@code halt}, {@code suppress} and the in-code marks, {@code baseline} (and the {@code baseline}
 * command that writes one), {@code %p} in file names. The target, {@code TriageTarget}, reports two
 * races ({@code plain}, {@code other}) and has three more marked benign in code.
 */
class TriageOptionsTest {
    private static final String TARGET = "dev.racedet.it.triage.TriageTarget";
    private static final String PLAIN = "dev.racedet.it.triage.TriageTarget.plain";
    private static final String OTHER = "dev.racedet.it.triage.TriageTarget.other";
    private static final String EXIT_66 = "; exit status 66 (races found)";

    static Stream<Arguments> zeroEndings() {
        return Jdks.installed().flatMap(jdk -> Stream.of("return", "exit0", "runtimeExit0")
                .map(ending -> Arguments.of(jdk, ending)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("zeroEndings")
    void exitcode_replaces_a_zero_status_when_races_were_reported(Jdks.Jdk jdk, String ending) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(options(run).setExitCode(66)).runClass(classes(), TARGET, ending);

        assertEquals(66, result.exitCode(), result::toString);
        assertEquals(Set.of(PLAIN, OTHER), fields(result), result::toString);
        assertEquals(66, Json.integer(result.summary().get("exitCode")), result::toString);
        assertTrue(summaryLine(result).endsWith(EXIT_66), result::toString);
    }

    @ParameterizedTest(name = "{0} {1} keeps {2}")
    @MethodSource("nonZeroEndings")
    void exitcode_keeps_the_programs_own_non_zero_status(Jdks.Jdk jdk, String ending, int status) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(options(run).setExitCode(66)).runClass(classes(), TARGET, ending);

        assertEquals(status, result.exitCode(), result::toString);
        assertEquals(Set.of(PLAIN, OTHER), fields(result), result::toString);
        assertEquals(Json.NULL, result.summary().get("exitCode"), result::toString);
        assertFalse(summaryLine(result).contains("exit status"), result::toString);
    }

    static Stream<Arguments> nonZeroEndings() {
        return Jdks.installed().flatMap(jdk -> Stream.of(Arguments.of(jdk, "exit3", 3), Arguments.of(jdk, "throw", 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void exitcode_never_changes_the_status_of_a_run_without_reported_races(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(options(run).setExitCode(66)).runClass(classes(), TARGET, "clean");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(), result.races(), result::toString);
        assertEquals(Json.NULL, result.summary().get("exitCode"), result::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void without_exitcode_races_leave_the_status_and_the_formats_unchanged(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.*")
                .setJson(run.jsonPath().toString())).runClass(AgentRun.requiredPath("targets.classes"),
                "dev.racedet.it.targets.WriteWriteNoLock");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(1, result.races().size(), result::toString);
        assertEquals(Set.of("races", "fields", "repeats", "internalErrors", "skippedEvents", "clockSlots",
                "sharedSlots"),
                result.summary().keySet(), result::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void exitcode_counts_races_found_in_shutdown_hooks_and_daemon_threads(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(options(run).setExitCode(66))
                .runClass(classes(), "dev.racedet.it.output.ShutdownHookRaces");

        assertEquals(66, result.exitCode(), result::toString);
        assertEquals(2, result.races().size(), result::toString);
        assertEquals(66, Json.integer(result.summary().get("exitCode")), result::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void halt_stops_the_jvm_after_the_first_reported_race_with_every_report_written(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(options(run).setHalt(true)).runClass(classes(), TARGET, "return");

        assertEquals(66, result.exitCode(), result::toString);
        assertFalse(result.stdout().contains("main continued"), result::toString);
        assertEquals(Set.of(PLAIN), fields(result), result::toString);
        assertEquals(66, Json.integer(result.summary().get("exitCode")), result::toString);
        assertEquals(1, warnings(result).size(), result::toString);
        assertEquals("racedet: 1 race on 1 field (0 repeats), 0 internal errors" + EXIT_66, summaryLine(result));
    }

    @Test
    void halt_uses_the_exitcode_status_when_one_is_given() throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        AgentRun.Result result = run.agent(options(run).setHalt(true).setExitCode(7))
                .runClass(classes(), TARGET, "return");

        assertEquals(7, result.exitCode(), result::toString);
        assertFalse(result.stdout().contains("main continued"), result::toString);
    }

    @Test
    void halt_ignores_suppressed_races() throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        Path rules = write(run, "rules.txt", "field:" + PLAIN + "\nmethod:*.writeOther\n");
        AgentRun.Result result = run.agent(options(run).setHalt(true).setSuppress(rules.toString()))
                .runClass(classes(), TARGET, "return");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stdout().contains("main continued"), result::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void in_code_marks_suppress_races_on_marked_fields_methods_and_classes(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(options(run)).runClass(classes(), TARGET, "return");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(Set.of(PLAIN, OTHER), fields(result), result::toString);
        assertEquals(3, Json.integer(result.summary().get("suppressed")), result::toString);
        assertEquals(2, warnings(result).size(), result::toString);
        assertEquals("racedet: 2 races on 2 fields (0 repeats), 0 internal errors, 3 suppressed", summaryLine(result));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void suppressed_races_are_counted_but_neither_printed_nor_listed_nor_failing_the_run(Jdks.Jdk jdk)
            throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        Path rules = write(run, "racedet-suppressions.txt", """
                # benign by design
                field:dev.racedet.it.triage.TriageTarget.plain   # a statistic

                method:dev.racedet.it.triage.TriageTarget.writeOther
                """);
        AgentRun.Result result = run.agent(options(run).setSuppress(rules.toString()).setExitCode(66))
                .runClass(classes(), TARGET, "return");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(), result.races(), result::toString);
        assertEquals(5, Json.integer(result.summary().get("suppressed")), result::toString);
        assertEquals(List.of(), warnings(result), result::toString);
        assertEquals("racedet: 0 races on 0 fields (0 repeats), 0 internal errors, 5 suppressed", summaryLine(result));
    }

    // Every rule kind is covered by SuppressionRulesTest; these two need real stacks.
    @ParameterizedTest(name = "{0} leaves {1}")
    @CsvSource(delimiter = '|', value = {
        "frame:dev.racedet.it.targets.Racers.lambda$race$*       | ''",
        "package:dev.racedet.it.targets                          | plain other",
    })
    void each_rule_kind_matches_what_it_names(String rule, String left) throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        Path rules = write(run, "rules.txt", rule + "\n");
        AgentRun.Result result = run.agent(options(run).setSuppress(rules.toString()))
                .runClass(classes(), TARGET, "return");

        Set<String> expected = Stream.of(left.split(" ")).filter(s -> !s.isEmpty())
                .map(s -> "dev.racedet.it.triage.TriageTarget." + s).collect(Collectors.toSet());
        assertEquals(expected, fields(result), result::toString);
        assertEquals(5 - expected.size(), Json.integer(result.summary().get("suppressed")), result::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void baseline_written_by_the_command_makes_known_races_not_count(Jdks.Jdk jdk) throws Exception {
        AgentRun first = AgentRun.on(jdk.home());
        AgentRun.Result before = first.agent(options(first)).runClass(classes(), TARGET, "return");
        Path baseline = first.directory().resolve("racedet-baseline.txt");
        assertEquals(0, dev.racedet.it.triage.BaselineCommandRun.run(jdk, baseline, first.jsonPath().toString()));
        List<String> ids = before.races().stream().map(r -> Json.string(r.get("id"))).sorted().toList();

        AgentRun second = AgentRun.on(jdk.home());
        AgentRun.Result known = second.agent(options(second).setBaseline(baseline.toString()).setExitCode(66))
                .runClass(classes(), TARGET, "return");

        assertEquals(0, known.exitCode(), known::toString);
        assertEquals(ids, known.races().stream().map(r -> Json.string(r.get("id"))).sorted().toList(), known::toString);
        assertTrue(known.races().stream().allMatch(r -> Boolean.TRUE.equals(r.get("baseline"))), known::toString);
        assertEquals(2, Json.integer(known.summary().get("known")), known::toString);
        assertEquals(2, warnings(known).stream().filter(l -> l.startsWith("WARNING: racedet: known data race on field "))
                .count(), known::toString);
        assertTrue(summaryLine(known).endsWith(", 3 suppressed, 2 known (in the baseline)"), known::toString);
    }

    @Test
    void a_race_missing_from_the_baseline_still_counts() throws Exception {
        Jdks.Jdk jdk = Jdks.current(); // the baseline's reading does not depend on the JDK: one is enough
        AgentRun first = AgentRun.on(jdk.home());
        AgentRun.Result before = first.agent(options(first)).runClass(classes(), TARGET, "return");
        Map<String, Object> plain = before.races().stream().filter(r -> PLAIN.equals(Json.string(r.get("field"))))
                .findFirst().orElseThrow();
        AgentRun second = AgentRun.on(jdk.home());
        // a pasted report header is a valid baseline line
        Path baseline = write(second, "baseline.txt", "WARNING: racedet: data race on field " + PLAIN + " ["
                + Json.string(plain.get("id")) + "]\n");
        AgentRun.Result result = second.agent(options(second).setBaseline(baseline.toString()).setExitCode(66))
                .runClass(classes(), TARGET, "return");

        assertEquals(66, result.exitCode(), result::toString);
        assertEquals(1, Json.integer(result.summary().get("known")), result::toString);
        Map<String, Object> other = result.races().stream().filter(r -> OTHER.equals(Json.string(r.get("field"))))
                .findFirst().orElseThrow();
        assertFalse(other.containsKey("baseline"), result::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void percent_p_in_file_names_is_the_process_id(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.*")
                        .setJson(run.directory().resolve("races-%p.json").toString())
                        .setOut(run.directory().resolve("races-%p-100%%.txt").toString()))
                .runClass(classes(), TARGET, "return");

        assertEquals(0, result.exitCode(), result::toString);
        String pid = result.stdout().lines().findFirst().orElseThrow().substring("pid ".length());
        Path json = run.directory().resolve("races-" + pid + ".json");
        Path out = run.directory().resolve("races-" + pid + "-100%.txt");
        List<Object> races = Json.array(Json.object(Json.parse(Files.readString(json, StandardCharsets.UTF_8))).get("races"));
        assertEquals(2, races.size());
        assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains("racedet: 2 races on 2 fields"));
    }

    private static AgentOptions options(AgentRun run) {
        return new AgentOptions().setInclude("dev.racedet.it.*").setJson(run.jsonPath().toString());
    }

    private static Set<String> fields(AgentRun.Result result) throws Exception {
        return result.races().stream().map(r -> Json.string(r.get("field"))).collect(Collectors.toSet());
    }

    private static List<String> warnings(AgentRun.Result result) {
        return result.stderr().lines().filter(l -> l.startsWith("WARNING: racedet:")).toList();
    }

    private static String summaryLine(AgentRun.Result result) {
        List<String> lines = result.stderr().lines().filter(l -> l.startsWith("racedet: ")).toList();
        assertEquals(1, lines.size(), result::toString);
        return lines.get(0);
    }

    private static Path write(AgentRun run, String name, String text) throws Exception {
        return Files.writeString(run.directory().resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Path classes() {
        return AgentRun.requiredPath("targets.classes");
    }
}
