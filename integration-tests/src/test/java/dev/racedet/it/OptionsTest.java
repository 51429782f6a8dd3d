package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agent's options as a user gives them on the command line. */
class OptionsTest {
    private static final String RACY_TARGET = "dev.racedet.it.targets.WriteWriteNoLock";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "colour=red            | unknown option 'colour'",
        "json                  | malformed option 'json'",
        "=x                    | malformed option '=x'",
        "include=              | bad value '' for 'include'",
        "include=com acme      | bad value 'com acme' for 'include'",
        "exclude=a::b          | bad value 'a::b' for 'exclude'",
        "json=a.json,json=b    | option 'json' given twice",
        "json=/no/such/dir/r.json | cannot write the 'json' file /no/such/dir/r.json",
        "out=/no/such/dir/r.txt   | cannot write the 'out' file /no/such/dir/r.txt",
        "json=same.txt,out=same.txt  | 'json' and 'out' name the same file same.txt",
        "json=./d/../r.txt,out=r.txt | 'json' and 'out' name the same file r.txt",
        "clockLimit=15         | bad value '15' for 'clockLimit'",
        "clockLimit=many       | bad value 'many' for 'clockLimit'",
        "exitcode=300          | bad value '300' for 'exitcode'",
        "halt=maybe            | bad value 'maybe' for 'halt'",
        "json=r-%t.json        | bad file name 'r-%t.json' for 'json'",
        "suppress=/no/such/rules.txt | bad 'suppress' file /no/such/rules.txt: cannot read it",
        "baseline=/no/such/b.txt     | bad 'baseline' file /no/such/b.txt: cannot read it",
    })
    void bad_option_fails_fast_with_one_line(String options, String problem) throws Exception {
        AgentRun.Result result = runRaw(options);
        assertNotEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.stdout(), "main must not run");
        List<String> lines = result.stderr().lines().toList();
        assertEquals(1, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("racedet: " + problem), lines.get(0));
        assertTrue(lines.get(0).contains("valid options: " + String.join(", ", AgentOptions.KEYS)), lines.get(0));
    }

    @Test
    void a_malformed_suppress_or_baseline_file_stops_the_jvm_naming_the_line() throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        Path rules = Files.writeString(run.directory().resolve("rules.txt"), "# ok\nfield:a.B.c\nfield a.B.d\n");
        Path baseline = Files.writeString(run.directory().resolve("baseline.txt"), "R7e7ce03d\nR7e7\n");
        for (String option : List.of("suppress=" + rules + "|bad 'suppress' file " + rules + " line 3: expected kind:pattern",
                "baseline=" + baseline + "|bad 'baseline' file " + baseline + " line 2: expected a race id")) {
            String[] parts = option.split("\\|");
            AgentRun.Result result = runRaw(parts[0]);
            assertEquals(1, result.exitCode(), result::toString);
            assertEquals("", result.stdout(), "main must not run");
            List<String> lines = result.stderr().lines().toList();
            assertEquals(1, lines.size(), result::toString);
            assertTrue(lines.get(0).startsWith("racedet: " + parts[1]), lines.get(0));
        }
    }

    @Test
    void out_sends_reports_and_summary_to_the_file() throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        Path out = run.directory().resolve("racedet.txt");
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.targets.*")
                .setOut(out.toString())).runClass(classes(), RACY_TARGET);
        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(result.stderr().contains("racedet:"), result::toString);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("WARNING: racedet: data race on field dev.racedet.it.targets.WriteWriteNoLock"), text);
        assertTrue(text.endsWith("racedet: 1 race on 1 field (0 repeats), 0 internal errors\n"), text);
    }

    @Test
    void exclude_removes_classes_from_include() throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.*")
                .setExclude("dev.racedet.it.targets.Write*").setJson(run.jsonPath().toString()))
                .runClass(classes(), RACY_TARGET);
        assertEquals(List.of(), result.races(), result::toString);
    }

    @Test
    void include_with_question_mark_matches_one_character() throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.targets.WriteWriteNoLoc?")
                .setJson(run.jsonPath().toString())).runClass(classes(), RACY_TARGET);
        assertEquals(1, result.races().size(), result::toString);
        assertEquals("dev.racedet.it.targets.WriteWriteNoLock$Cell.value", Json.string(result.races().get(0).get("field")));
    }

    @Test
    void default_include_instruments_application_classes() throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        AgentRun.Result result = run.agent(new AgentOptions().setJson(run.jsonPath().toString()))
                .runClass(classes(), RACY_TARGET);
        assertEquals(1, result.races().size(), result::toString);
    }

    @Test
    void five_thousand_include_and_exclude_patterns_work_from_the_command_line() throws Exception {
        String unrelated = IntStream.range(0, 5_000).mapToObj(i -> "p" + i + ".*").collect(Collectors.joining(":"));
        AgentRun run = AgentRun.onThisJdk();
        // typed by hand, so that only the agent in the launched JVM parses the 5,000 patterns
        AgentRun.Result result = run.jvmArgs("-javaagent:" + AgentRun.agentJar() + "=include=" + unrelated
                        + ":dev.racedet.it.targets.*,exclude=" + unrelated + ",json=" + run.jsonPath())
                .runClass(classes(), RACY_TARGET);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(1, result.races().size(), result::toString);
    }

    @Test
    void pathological_include_pattern_works_from_the_command_line() throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        // against the program's 100-character class name full of 'e', a backtracking regex never ends
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("*e".repeat(25) + "*Q:dev.*Race")
                        .setJson(run.jsonPath().toString()))
                .runClass(classes(), "dev.racedet.it.output.LongNameRace");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(1, result.races().size(), result::toString);
    }

    @Test
    void clock_limit_is_accepted_and_the_race_still_found() throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.targets.*").setClockLimit(16)
                        .setJson(run.jsonPath().toString()))
                .runClass(classes(), RACY_TARGET);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(1, result.races().size(), result::toString);
    }

    @Test
    void racedet_leaves_no_system_property_in_the_application() throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.targets.*"))
                .runClass(classes(), "dev.racedet.it.output.PrintSystemProperties");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(), result.stdout().lines()
                .filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("racedet")
                        || l.toLowerCase(java.util.Locale.ROOT).contains("bytebuddy"))
                .filter(l -> !l.startsWith("java.class.path=") && !l.startsWith("jdk.module.")
                        && !l.startsWith("sun.java.command=") && !l.startsWith("user.dir="))
                .toList(), result::toString);
    }

    /** The option string exactly as typed, bypassing AgentOptions' own validation. */
    private static AgentRun.Result runRaw(String options) throws Exception {
        return AgentRun.onThisJdk()
                .jvmArgs("-javaagent:" + AgentRun.agentJar() + "=" + options)
                .runClass(classes(), RACY_TARGET);
    }

    private static Path classes() {
        return AgentRun.requiredPath("targets.classes");
    }
}
