package dev.racedet.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar racedet.jar merge}: one race per id, counts summed, the summary recomputed. */
class MergeCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static String race(String id, String field, long count, String thread, String extra) {
        return "{\"id\": \"" + id + "\", \"field\": \"" + field + "\", \"kind\": \"write-write\", \"count\": " + count
                + extra + ", \"access\": {\"thread\": \"" + thread + "\", \"op\": \"write\"}}";
    }

    private static String report(long internalErrors, long clockSlots, String... races) {
        return "{\"version\": 1, \"races\": [" + String.join(",", races) + "], \"summary\": {\"races\": "
                + races.length + ", \"fields\": 0, \"repeats\": 0, \"internalErrors\": " + internalErrors
                + ", \"skippedEvents\": 0, \"clockSlots\": " + clockSlots + "}}";
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private int merge(Path... inputs) {
        String[] args = new String[inputs.length + 1];
        args[0] = dir.resolve("merged.json").toString();
        for (int i = 0; i < inputs.length; i++) {
            args[i + 1] = inputs[i].toString();
        }
        return MergeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> merged() throws Exception {
        return (Map<String, Object>) JsonReader.parse(Files.readString(dir.resolve("merged.json")));
    }

    @SuppressWarnings("unchecked")
    @Test
    void merge_keeps_one_race_per_id_sums_counts_and_recomputes_the_summary() throws Exception {
        Path a = file("a.json", report(1, 4, race("R00000001", "demo.A.x", 3, "fork-1", ""),
                race("R00000002", "demo.B.y", 1, "fork-1", "")));
        Path b = file("b.json", report(2, 7, race("R00000002", "demo.B.y", 5, "fork-2", ""),
                race("R00000003", "demo.B.y", 2, "fork-2", "")));

        assertEquals(0, merge(a, b), err::toString);

        Map<String, Object> merged = merged();
        List<Map<String, Object>> races = (List<Map<String, Object>>) merged.get("races");
        assertEquals(List.of("R00000001", "R00000002", "R00000003"), races.stream().map(r -> r.get("id")).toList());
        assertEquals(List.of(3L, 6L, 2L), races.stream().map(r -> r.get("count")).toList());
        assertEquals("fork-1", ((Map<String, Object>) races.get(1).get("access")).get("thread"), "first seen kept");
        Map<String, Object> summary = (Map<String, Object>) merged.get("summary");
        assertEquals(3L, summary.get("races"));
        assertEquals(2L, summary.get("fields"));
        assertEquals(8L, summary.get("repeats"));
        assertEquals(3L, summary.get("internalErrors"));
        assertEquals(7L, summary.get("clockSlots"));
        assertEquals(1L, merged.get("version"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("racedet: [R00000002] write-write race on demo.B.y (6 times)\n"), text);
        assertTrue(text.endsWith("racedet: 3 races on 2 fields (8 repeats), 3 internal errors, merged from 2 reports\n"), text);
    }

    @SuppressWarnings("unchecked")
    @Test
    void merge_keeps_the_race_first_seen_earliest_where_reports_say_when() throws Exception {
        Path a = file("a.json", report(0, 1, race("R00000001", "demo.A.x", 1, "late", ", \"firstSeen\": 200")));
        Path b = file("b.json", report(0, 1, race("R00000001", "demo.A.x", 1, "early", ", \"firstSeen\": 100")));

        assertEquals(0, merge(a, b), err::toString);

        Map<String, Object> race = ((List<Map<String, Object>>) merged().get("races")).get(0);
        assertEquals("early", ((Map<String, Object>) race.get("access")).get("thread"));
        assertEquals(2L, race.get("count"));
    }

    @Test
    void merge_escapes_names_in_the_json_it_writes() throws Exception {
        Path a = file("a.json", report(0, 1, race("R00000001", "demo.A.\\\"x\\u2028\\n", 1, "t", "")));

        assertEquals(0, merge(a), err::toString);

        String json = Files.readString(dir.resolve("merged.json"));
        assertTrue(json.contains("\"demo.A.\\\"x\\u2028\\n\""), json);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("race on demo.A.\\\"x\\u2028\\n (1 time)"), out::toString);
    }

    @Test
    void merge_of_a_file_that_is_not_a_report_fails_with_one_line() throws Exception {
        Path bad = file("bad.json", "{\"races\": [1,]}");

        assertEquals(1, merge(bad));

        String line = err.toString(StandardCharsets.UTF_8);
        assertTrue(line.startsWith("racedet: merge: " + bad + " is not a racedet JSON report: "), line);
        assertEquals(1, line.split("\n").length, line);
        assertTrue(Files.notExists(dir.resolve("merged.json")));
    }

    @Test
    void merge_without_inputs_prints_its_usage() {
        assertEquals(2, MergeCommand.run(new String[] {"out.json"}, new PrintStream(out), new PrintStream(err)));
        assertTrue(err.toString().startsWith("racedet: usage: java -jar racedet.jar merge"), err::toString);
    }

    @Test
    void the_reader_rejects_what_strict_json_rejects() {
        for (String text : List.of("{\"a\": 1, \"a\": 2}", "[1, 2,]", "01", "\"\u0001\"", "{} x", "[\"\\x\"]", "-")) {
            assertThrows(JsonReader.MalformedException.class, () -> JsonReader.parse(text), text);
        }
    }
}
