package dev.racedet.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
    private static final String SITE = "demo.Counter.increment(Counter.java:12)";

    private static Race race(String field, String accessLocation, String previousLocation) {
        return new Race(1, field,
                new Race.Access("worker-2", true, accessLocation, stack(accessLocation, "demo.Worker.run(Worker.java:20)")),
                new Race.Access("worker-1", false, previousLocation, stack(previousLocation)));
    }

    @Test
    void text_report_names_field_both_threads_and_frames() {
        String text = TextReport.race(race("demo.Counter.count", SITE, SITE));
        String id = race("demo.Counter.count", SITE, SITE).id();
        assertEquals("WARNING: racedet: data race on field demo.Counter.count [" + id + "] (read-write)\n"
                + "  Write by thread \"worker-2\":\n"
                + "    at demo.Counter.increment(Counter.java:12)\n"
                + "    at demo.Worker.run(Worker.java:20)\n"
                + "  Previous read by thread \"worker-1\":\n"
                + "    at demo.Counter.increment(Counter.java:12)\n", text);
    }

    @Test
    void summary_counts_races_fields_and_repeats() {
        Race a = race("demo.A.x", "demo.A.f(A.java:1)", "demo.A.g(A.java:2)");
        Race b = race("demo.A.x", "demo.A.f(A.java:1)", "demo.A.h(A.java:3)");
        a.repeated();
        a.repeated();
        assertEquals("racedet: 2 races on 1 field (2 repeats), 0 internal errors", TextReport.summary(List.of(a, b), 0));
        assertEquals("racedet: 0 races on 0 fields (0 repeats), 1 internal error", TextReport.summary(List.of(), 1));
    }

    @Test
    void id_is_stable_and_independent_of_which_side_came_first() {
        Race ab = race("demo.A.x", "demo.A.f(A.java:1)", "demo.A.g(A.java:2)");
        Race ba = race("demo.A.x", "demo.A.g(A.java:2)", "demo.A.f(A.java:1)");
        assertEquals(ab.id(), ba.id());
        assertNotEquals(ab.id(), race("demo.A.y", "demo.A.f(A.java:1)", "demo.A.g(A.java:2)").id());
        assertEquals("R", ab.id().substring(0, 1));
    }

    @Test
    void json_strings_escape_quotes_backslashes_and_control_characters() {
        StringBuilder b = new StringBuilder();
        JsonReport.string(b, "a\"b\\c\n\t\u0001\u00e9\uD834\uDD1E");
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001\u00e9\uD834\uDD1E\"", b.toString());
    }

    @Test
    void json_strings_escape_lone_surrogates() {
        StringBuilder b = new StringBuilder();
        JsonReport.string(b, "x\uD834y\uDD1E");
        assertEquals("\"x\\ud834y\\udd1e\"", b.toString());
    }

    @Test
    void json_report_without_races_has_empty_array() {
        assertEquals("{\"version\": 1,\n \"races\": [],\n"
                + " \"summary\": {\"races\": 0, \"fields\": 0, \"repeats\": 0, \"internalErrors\": 0,"
                + " \"skippedEvents\": 0, \"clockSlots\": 0, \"sharedSlots\": 0}}\n",
                JsonReport.render(List.of(), 0));
    }

    @Test
    void json_summary_always_counts_skipped_events() {
        assertTrue(JsonReport.render(List.of(), 2, 7, 3, 1)
                .endsWith("\"internalErrors\": 2, \"skippedEvents\": 7, \"clockSlots\": 3, \"sharedSlots\": 1}}\n"));
    }

    @Test
    void summary_names_skipped_events_only_when_there_are_some() {
        assertEquals("racedet: 0 races on 0 fields (0 repeats), 0 internal errors, 12 events skipped (stack or heap exhausted)",
                TextReport.summary(List.of(), 0, 12));
        assertEquals("racedet: 0 races on 0 fields (0 repeats), 0 internal errors, 1 event skipped (stack or heap exhausted)",
                TextReport.summary(List.of(), 0, 1));
        assertEquals("racedet: 0 races on 0 fields (0 repeats), 0 internal errors", TextReport.summary(List.of(), 0, 0));
    }

    @Test
    void text_report_escapes_every_name_and_keeps_one_line_per_item() {
        String forged = "x\":\n  Previous write by thread \"forged\":\u001b[2J";
        Race race = new Race(1, "a.B\nc.f\u202e",
                new Race.Access(forged, true, "a.B.m(B\u001b.java:1)", stack("a.B.m(B\u001b.java:1)", "a.C.n\r(C.java:2)")),
                new Race.Access("worker\u2028", false, "a.B.m(B.java:3)", stack("a.B.m(B.java:3)")));
        assertEquals("WARNING: racedet: data race on field a.B\\nc.f\\u202e [" + race.id() + "] (read-write)\n"
                + "  Write by thread \"x\\\":\\n  Previous write by thread \\\"forged\\\":\\u001b[2J\":\n"
                + "    at a.B.m(B\\u001b.java:1)\n"
                + "    at a.C.n\\r(C.java:2)\n"
                + "  Previous read by thread \"worker\\u2028\":\n"
                + "    at a.B.m(B.java:3)\n", TextReport.race(race));
    }

    @Test
    void json_strings_escape_line_and_paragraph_separators() {
        StringBuilder b = new StringBuilder();
        JsonReport.string(b, "a\u2028b\u2029");
        assertEquals("\"a\\u2028b\\u2029\"", b.toString());
    }

    private static List<Frame> stack(String... frames) {
        return java.util.Arrays.stream(frames).map(Frame::parse).toList();
    }
}
