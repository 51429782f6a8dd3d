package dev.racedet.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentOptionsTest {

    @Test
    void empty_options_mean_every_default() {
        AgentOptions options = new AgentOptions("");
        assertNull(options.getInclude());
        assertNull(options.getExclude());
        assertNull(options.getJson());
        assertNull(options.getOut());
        assertEquals(new AgentOptions(), new AgentOptions(null));
    }

    @Test
    void parse_reads_every_key() {
        AgentOptions options = new AgentOptions("include=com.acme.*:org.x.?,exclude=com.acme.gen.*,json=r.json,out=r.txt");
        assertEquals("com.acme.*:org.x.?", options.getInclude());
        assertEquals("com.acme.gen.*", options.getExclude());
        assertEquals("r.json", options.getJson());
        assertEquals("r.txt", options.getOut());
    }

    @Test
    void stacks_defaults_to_32_and_reads_its_value() {
        assertEquals(AgentOptions.DEFAULT_STACKS, new AgentOptions().getStacks());
        assertEquals(1, new AgentOptions("stacks=1").getStacks());
        assertEquals(AgentOptions.MAX_STACKS, new AgentOptions("stacks=1024").getStacks());
        assertEquals("stacks=8", new AgentOptions().setStacks(8).toString());
    }

    @Test
    void to_string_round_trips() {
        AgentOptions options = new AgentOptions().setOut("o.txt").setInclude("a.*").setJson("/tmp/r.json");
        assertEquals("out=o.txt,include=a.*,json=/tmp/r.json", options.toString());
        assertEquals(options, new AgentOptions(options.toString()));
    }

    @Test
    void java_agent_argument_appends_options_to_the_jar() {
        assertEquals("-javaagent:/x/racedet.jar=include=a.*", new AgentOptions().setInclude("a.*")
                .toJavaAgentArgument("/x/racedet.jar"));
        assertEquals("-javaagent:/x/racedet.jar", new AgentOptions().toJavaAgentArgument("/x/racedet.jar"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope=1", "include", "=a", "include=a,include=b", "include=", "include=a b",
        "exclude=a::b", "exclude=:a", "exclude=a:", "include=a*b/c", "json=", "out=", "include=a,", "cache=",
        "stacks=0", "stacks=1025", "stacks=x", "stacks=-3", "stacks="})
    void parse_rejects_bad_option_strings(String bad) {
        AgentOptions.InvalidOptionException e =
                assertThrows(AgentOptions.InvalidOptionException.class, () -> new AgentOptions(bad));
        assertTrue(e.getMessage().startsWith("racedet: "), e.getMessage());
        assertTrue(e.getMessage().contains("valid options: " + String.join(", ", AgentOptions.KEYS)), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void unknown_key_message_names_the_key() {
        AgentOptions.InvalidOptionException e =
                assertThrows(AgentOptions.InvalidOptionException.class, () -> new AgentOptions("colour=red"));
        assertTrue(e.getMessage().startsWith("racedet: unknown option 'colour'"), e.getMessage());
    }

    @Test
    void cache_defaults_to_the_user_cache_directory_and_none_turns_it_off() {
        assertEquals(java.nio.file.Path.of(System.getProperty("user.home"), ".cache", "racedet"),
                new AgentOptions().getCacheDirectory());
        assertEquals(null, new AgentOptions("cache=none").getCacheDirectory());
        assertEquals(java.nio.file.Path.of("/tmp/rc"), new AgentOptions("cache=/tmp/rc").getCacheDirectory());
    }

    @Test
    void setter_rejects_comma_in_value() {
        assertThrows(AgentOptions.InvalidOptionException.class, () -> new AgentOptions().setJson("a,b.json"));
    }

    @Test
    void check_outputs_creates_the_out_file_and_leaves_the_json_to_the_agent(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Path out = dir.resolve("r.txt");
        new AgentOptions().setJson(json.toString()).setOut(out.toString()).checkOutputs();
        assertTrue(Files.exists(out));
        assertFalse(Files.exists(json));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the probe file in the json directory is deleted");
        }
    }

    @Test
    void check_outputs_rejects_json_and_out_naming_the_same_file(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.txt");
        for (String json : List.of(out.toString(), dir.resolve("sub/../r.txt").toString())) {
            AgentOptions.InvalidOptionException e = assertThrows(AgentOptions.InvalidOptionException.class,
                    () -> new AgentOptions().setJson(json).setOut(out.toString()).checkOutputs());
            assertTrue(e.getMessage().startsWith("racedet: 'json' and 'out' name the same file "), e.getMessage());
        }
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), out);
        AgentOptions.InvalidOptionException e = assertThrows(AgentOptions.InvalidOptionException.class,
                () -> new AgentOptions().setJson(link.toString()).setOut(out.toString()).checkOutputs());
        assertTrue(e.getMessage().startsWith("racedet: 'json' and 'out' name the same file " + link), e.getMessage());
    }

    @Test
    void check_outputs_rejects_a_json_directory(@TempDir Path dir) {
        AgentOptions.InvalidOptionException e = assertThrows(AgentOptions.InvalidOptionException.class,
                () -> new AgentOptions().setJson(dir.toString()).checkOutputs());
        assertTrue(e.getMessage().startsWith("racedet: cannot write the 'json' file"), e.getMessage());
    }

    @Test
    void clock_limit_defaults_to_two_to_the_fortieth_minus_one_and_parses_back() {
        assertEquals((1L << 40) - 1, new AgentOptions().getClockLimit());
        AgentOptions options = new AgentOptions("clockLimit=16");
        assertEquals(16, options.getClockLimit());
        assertEquals(options, new AgentOptions(options.toString()));
        assertEquals("clockLimit=" + Long.MAX_VALUE, new AgentOptions().setClockLimit(Long.MAX_VALUE).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"clockLimit=15", "clockLimit=0", "clockLimit=-5", "clockLimit=1e9", "clockLimit=",
        "clockLimit=99999999999999999999"})
    void clock_limit_must_be_a_whole_number_of_at_least_sixteen(String bad) {
        AgentOptions.InvalidOptionException e =
                assertThrows(AgentOptions.InvalidOptionException.class, () -> new AgentOptions(bad));
        assertTrue(e.getMessage().contains("for 'clockLimit': expected a whole number from 16 to"), e.getMessage());
    }

    @Test
    void thousands_of_patterns_parse_and_round_trip() {
        String patterns = IntStream.range(0, 20_000).mapToObj(i -> "com.acme" + i + ".*").collect(Collectors.joining(":"));
        AgentOptions options = new AgentOptions("include=" + patterns + ",exclude=" + patterns);
        assertEquals(patterns, options.getInclude());
        assertEquals(options, new AgentOptions(options.toString()));
    }

    @Test
    void a_bad_pattern_among_thousands_gives_a_short_one_line_message() {
        String patterns = IntStream.range(0, 5_000).mapToObj(i -> "com.acme" + i + ".*").collect(Collectors.joining(":"));
        AgentOptions.InvalidOptionException e = assertThrows(AgentOptions.InvalidOptionException.class,
                () -> new AgentOptions("include=" + patterns + ":bad pattern"));
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }

    @Test
    void check_outputs_names_the_unwritable_option(@TempDir Path dir) {
        AgentOptions options = new AgentOptions().setOut(dir.resolve("missing/r.txt").toString());
        AgentOptions.InvalidOptionException e =
                assertThrows(AgentOptions.InvalidOptionException.class, options::checkOutputs);
        assertTrue(e.getMessage().startsWith("racedet: cannot write the 'out' file"), e.getMessage());
    }

    @Test
    void usage_has_one_line_per_option_in_readme_order() {
        String usage = AgentOptions.usage();
        int last = -1;
        for (String key : AgentOptions.KEYS) {
            int at = usage.indexOf("\n  " + key + "=");
            assertTrue(at > last, key + " out of order or missing in\n" + usage);
            last = at;
        }
    }
}
