package dev.racedet.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keys {@code exitcode}, {@code halt}, {@code suppress}, {@code baseline} and {@code %p} in file names. */
class TriageOptionsParsingTest {

    @Test
    void defaults_leave_the_exit_status_alone() {
        AgentOptions options = new AgentOptions();
        assertEquals(0, options.getExitCode());
        assertFalse(options.isHalt());
        assertNull(options.getSuppress());
        assertNull(options.getBaseline());
    }

    @Test
    void every_triage_key_round_trips() {
        AgentOptions options = new AgentOptions().setExitCode(66).setHalt(true).setSuppress("s.txt")
                .setBaseline("b.txt").setJson("r-%p.json");
        assertEquals("exitcode=66,halt=true,suppress=s.txt,baseline=b.txt,json=r-%p.json", options.toString());
        AgentOptions parsed = new AgentOptions(options.toString());
        assertEquals(options, parsed);
        assertEquals(66, parsed.getExitCode());
        assertTrue(parsed.isHalt());
        assertEquals("r-" + ProcessHandle.current().pid() + ".json", parsed.getJson());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "exitcode=256   | bad value '256' for 'exitcode': expected a whole number from 0 to 255",
        "exitcode=-1    | bad value '-1' for 'exitcode'",
        "exitcode=0066  | bad value '0066' for 'exitcode'",
        "exitcode=x     | bad value 'x' for 'exitcode'",
        "halt=yes       | bad value 'yes' for 'halt': expected true or false",
        "suppress=      | option 'suppress' needs a file path",
        "baseline=      | option 'baseline' needs a file path",
        "json=r-%t.json | bad file name 'r-%t.json' for 'json': '%t' is not a placeholder",
        "out=100%       | bad file name '100%' for 'out'",
    })
    void bad_values_fail_with_one_line_naming_the_key(String option, String message) {
        AgentOptions.InvalidOptionException e =
                assertThrows(AgentOptions.InvalidOptionException.class, () -> new AgentOptions(option));
        assertTrue(e.getMessage().startsWith("racedet: " + message), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void a_bad_suppress_line_fails_the_check_naming_the_file_and_line(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.txt"), "# ok\nfield:a.B.c\nfeild:a.B.d\n");
        AgentOptions options = new AgentOptions().setSuppress(rules.toString());
        AgentOptions.InvalidOptionException e = assertThrows(AgentOptions.InvalidOptionException.class,
                options::checkOutputs);
        assertTrue(e.getMessage().startsWith("racedet: bad 'suppress' file " + rules + " line 3: unknown kind 'feild'"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void a_missing_baseline_fails_the_check(@TempDir Path dir) {
        Path missing = dir.resolve("nope.txt");
        AgentOptions.InvalidOptionException e = assertThrows(AgentOptions.InvalidOptionException.class,
                new AgentOptions().setBaseline(missing.toString())::checkOutputs);
        assertTrue(e.getMessage().startsWith("racedet: bad 'baseline' file " + missing + ": cannot read it"),
                e.getMessage());
    }

    @Test
    void usage_lists_the_new_keys() {
        String usage = AgentOptions.usage();
        for (String key : new String[] {"exitcode=N", "halt=true|false", "suppress=FILE", "baseline=FILE"}) {
            assertTrue(usage.contains("  " + key + " "), key);
        }
    }
}
