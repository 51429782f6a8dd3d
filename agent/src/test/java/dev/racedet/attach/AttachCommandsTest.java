package dev.racedet.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line side of attach, list and detach, without a target JVM (AttachTest has those). */
class AttachCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void attach_makes_file_paths_absolute_against_the_working_directory(@TempDir Path dir) {
        Path json = dir.resolve("r.json");
        String relativeOut = "target/attach-commands-test.txt";
        String options = AttachCommands.absolutePaths("include=a.*,json=" + json + ",out=" + relativeOut
                + ",cache=none,duration=5m");
        assertEquals("include=a.*,json=" + json + ",out=" + Path.of(relativeOut).toAbsolutePath()
                + ",cache=none,duration=5m", options);
        assertEquals("cache=" + Path.of("some/dir").toAbsolutePath(), AttachCommands.absolutePaths("cache=some/dir"));
    }

    @Test
    void attach_rejects_a_bad_option_before_touching_any_jvm() {
        // no JVM has this pid: a status of 2 and the option's message show nothing was contacted
        assertEquals(2, AttachCommands.attach(new String[] {"999999999", "json=r.json", "colour=red"}, outStream,
                errStream));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("racedet: unknown option 'colour'"), message);
        assertEquals(1, message.lines().count(), message);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exit_status_and_triage_options_are_refused_with_attach_in_one_line() {
        assertEquals(2, AttachCommands.attach(new String[] {"999999999", "halt=true"}, outStream, errStream));
        assertEquals("racedet: option 'halt' is not supported with attach (only with -javaagent)",
                err.toString(StandardCharsets.UTF_8).strip());
        assertEquals(null, AttachCommands.unsupportedWithAttach(new AgentOptions("exitcode=0,halt=false")));
    }

    @Test
    void bad_option_strings_are_rejected_with_the_agent_options_message() {
        assertThrows(AgentOptions.InvalidOptionException.class, () -> AttachCommands.absolutePaths("duration=soon"));
    }

    @Test
    void a_missing_or_malformed_pid_is_a_usage_error() {
        assertEquals(2, AttachCommands.attach(new String[0], outStream, errStream));
        assertEquals(2, AttachCommands.attach(new String[] {"12ab"}, outStream, errStream));
        assertEquals(2, AttachCommands.detach(new String[] {}, outStream, errStream));
        assertEquals(2, AttachCommands.detach(new String[] {"1", "2"}, outStream, errStream));
        assertEquals(2, AttachCommands.list(new String[] {"x"}, outStream, errStream));
        assertEquals(5, err.toString(StandardCharsets.UTF_8).lines().count());
    }
}
