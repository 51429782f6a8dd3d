package dev.racedet.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
        "exclude=a::b", "json=", "out=", "include=a,"})
    void parse_rejects_bad_option_strings(String bad) {
        AgentOptions.InvalidOptionException e =
                assertThrows(AgentOptions.InvalidOptionException.class, () -> new AgentOptions(bad));
        assertTrue(e.getMessage().startsWith("racedet: "), e.getMessage());
        assertTrue(e.getMessage().contains("valid options: include, exclude, json, out"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void unknown_key_message_names_the_key() {
        AgentOptions.InvalidOptionException e =
                assertThrows(AgentOptions.InvalidOptionException.class, () -> new AgentOptions("colour=red"));
        assertTrue(e.getMessage().startsWith("racedet: unknown option 'colour'"), e.getMessage());
    }

    @Test
    void setter_rejects_comma_in_value() {
        assertThrows(AgentOptions.InvalidOptionException.class, () -> new AgentOptions().setJson("a,b.json"));
    }

    @Test
    void check_outputs_creates_the_files(@TempDir Path dir) {
        Path json = dir.resolve("r.json");
        Path out = dir.resolve("r.txt");
        new AgentOptions().setJson(json.toString()).setOut(out.toString()).checkOutputs();
        assertTrue(Files.exists(json) && Files.exists(out));
    }

    @Test
    void check_outputs_names_the_unwritable_option(@TempDir Path dir) {
        AgentOptions options = new AgentOptions().setOut(dir.resolve("missing/r.txt").toString());
        AgentOptions.InvalidOptionException e =
                assertThrows(AgentOptions.InvalidOptionException.class, options::checkOutputs);
        assertTrue(e.getMessage().startsWith("racedet: cannot write the 'out' file"), e.getMessage());
    }
}
