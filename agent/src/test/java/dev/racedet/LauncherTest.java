package dev.racedet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LauncherTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Launcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void no_arguments_print_the_usage_with_every_option() {
        assertEquals(0, run());
        String usage = out.toString(StandardCharsets.UTF_8);
        for (String key : AgentOptions.KEYS) {
            assertTrue(usage.contains("\n  " + key + "="), key + " missing from\n" + usage);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void help_prints_the_same_usage() {
        assertEquals(0, run("--help"));
        assertEquals(AgentOptions.usage(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknown_command_is_one_printable_line_and_status_2() {
        assertEquals(2, run("bad\nline\u202e"));
        assertEquals("racedet: unknown command 'bad?line?' (java -jar racedet.jar prints the usage)"
                + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
