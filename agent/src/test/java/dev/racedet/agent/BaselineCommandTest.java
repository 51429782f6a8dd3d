package dev.racedet.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {
    private static final String REPORT = """
            {"version": 1, "races": [
              {"id": "R7e7ce03d", "field": "demo.C.a", "kind": "write-write", "count": 1,
               "access": {"thread": "t\\n1", "location": "demo.C.m(C.java:9)"},
               "previous": {"thread": "t2", "location": "demo.C.n(C.java:12)"}},
              {"id": "R00000001", "field": "demo.C.b\\nforged", "baseline": true,
               "access": {"location": "demo.C.m(C.java:10)"}, "previous": {"location": "demo.C.m(C.java:10)"}}
             ], "summary": {"races": 2}}
            """;

    @Test
    void prints_each_id_once_with_its_field_as_a_comment(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), REPORT);
        Path b = Files.writeString(dir.resolve("b.json"), REPORT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = BaselineCommand.run(new String[] {a.toString(), b.toString()}, print(out), print(new ByteArrayOutputStream()));

        assertEquals(0, status);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("# "));
        assertEquals("R7e7ce03d  # demo.C.a demo.C.m(C.java:9) / demo.C.n(C.java:12)", lines.get(1));
        assertTrue(lines.get(2).startsWith("R00000001  # demo.C.b?forged "), lines.get(2));
    }

    @Test
    void an_invalid_report_fails_with_one_line(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"races\": [ {\"id\": \"R1\"} ]}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, BaselineCommand.run(new String[] {bad.toString()}, print(new ByteArrayOutputStream()), print(err)));
        assertEquals(1, err.toString(StandardCharsets.UTF_8).lines().count());
        Path truncated = Files.writeString(dir.resolve("cut.json"), REPORT.substring(0, 40));
        assertEquals(1, BaselineCommand.run(new String[] {truncated.toString()}, print(new ByteArrayOutputStream()),
                print(new ByteArrayOutputStream())));
    }

    @Test
    void no_report_is_a_usage_error() {
        assertEquals(2, BaselineCommand.run(new String[0], print(new ByteArrayOutputStream()),
                print(new ByteArrayOutputStream())));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
