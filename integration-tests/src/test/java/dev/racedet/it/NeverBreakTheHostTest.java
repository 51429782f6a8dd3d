package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * A class racedet cannot instrument still runs: it loads unmodified, the failure is counted and
 * logged once, and the summary says so.
 */
class NeverBreakTheHostTest {
    /** Enough field writes that the hooks push the method past the JVM's 64 KiB code limit. */
    private static final int WRITES = 9_000;

    @Test
    void class_too_large_to_instrument_loads_unmodified_and_is_counted() throws Exception {
        AgentRun run = AgentRun.onThisJdk();
        Path classes = compileHugeProgram(run.directory());

        AgentRun.Result result = run.agent(new AgentOptions().setInclude("Huge*").setJson(run.jsonPath().toString()))
                .runClass(classes, "Huge");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("ran " + (WRITES - 1) + "\n", result.stdout(), result::toString);
        assertEquals(1, Json.integer(result.summary().get("internalErrors")), result::toString);
        String stderr = result.stderr();
        assertEquals(1, count(stderr, "racedet: internal error"), stderr);
        assertTrue(stderr.contains("instrumenting Huge (loaded unmodified)"), stderr);
        assertTrue(stderr.contains("racedet: 0 races on 0 fields (0 repeats), 1 internal error"), stderr);
    }

    private static Path compileHugeProgram(Path dir) throws Exception {
        StringBuilder source = new StringBuilder("public class Huge {\n  int x;\n  void big() {\n");
        for (int i = 0; i < WRITES; i++) {
            source.append("    x = ").append(i).append(";\n");
        }
        source.append("  }\n  public static void main(String[] a) {\n    Huge h = new Huge();\n    h.big();\n")
                .append("    System.out.println(\"ran \" + h.x);\n  }\n}\n");
        Path file = dir.resolve("Huge.java");
        Files.writeString(file, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", classes.toString(), file.toString());
        assertEquals(0, status, "javac failed");
        return classes;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
