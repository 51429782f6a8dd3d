package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code sarif} and {@code sourceRoot} as a user gives them: bad values stop the JVM with one line. */
class SarifOptionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sarif=                           | option 'sarif' needs a file path",
        "sarif=/no/such/dir/r.sarif       | cannot write the 'sarif' file /no/such/dir/r.sarif",
        "sarif=r.json,json=r.json         | 'sarif' names the same file as 'json': r.json",
        "sarif=./x/../r.txt,out=r.txt     | 'sarif' names the same file as 'out': ./x/../r.txt",
        "sourceRoot=/no/such/dir          | bad value '/no/such/dir' for 'sourceRoot': expected an existing directory",
    })
    void bad_sarif_option_fails_fast_with_one_line(String options, String problem) throws Exception {
        AgentRun.Result result = AgentRun.onThisJdk().jvmArgs("-javaagent:" + AgentRun.agentJar() + "=" + options)
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.targets.WriteWriteNoLock");

        assertNotEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.stdout(), "main must not run");
        List<String> lines = result.stderr().lines().toList();
        assertEquals(1, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("racedet: " + problem), lines.get(0));
    }

    @Test
    void sarif_options_round_trip_and_are_in_the_usage() throws Exception {
        Path root = Files.createTempDirectory("racedet-root");
        AgentOptions options = new AgentOptions().setSarif("r.sarif").setSourceRoot(root.toString());

        assertEquals(options, new AgentOptions(options.toString()));
        assertEquals("r.sarif", options.getSarif());
        assertEquals(root.toString(), options.getSourceRoot());
        assertTrue(AgentOptions.usage().lines().anyMatch(l -> l.startsWith("  sarif=FILE ")), AgentOptions.usage());
        assertTrue(AgentOptions.usage().lines().anyMatch(l -> l.startsWith("  sourceRoot=DIR ")), AgentOptions.usage());
    }
}
