package dev.racedet.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a race on an array element is shown: the array's name and the element's index, in both formats. */
class ArrayReportFormatTest {
    private static Race race(String field, int index) {
        Race.Access now = new Race.Access("worker-1", true, "demo.Grid.set(Grid.java:9)",
                stack("demo.Grid.set(Grid.java:9)"));
        Race.Access before = new Race.Access("worker-2", false, "demo.Grid.get(Grid.java:5)",
                stack("demo.Grid.get(Grid.java:5)"));
        return new Race(1L, field, now, before, index, "");
    }

    @Test
    void json_race_on_an_element_carries_its_index_after_the_count() {
        String json = JsonReport.render(List.of(race("demo.Grid.cells[]", 3)), 0);
        assertTrue(json.contains("\"field\": \"demo.Grid.cells[]\", \"kind\": \"read-write\", \"count\": 1, \"index\": 3,"),
                json);
    }

    @Test
    void json_race_on_a_field_has_no_index() {
        Race.Access a = new Race.Access("t", true, "A.m(A.java:1)", stack("A.m(A.java:1)"));
        String json = JsonReport.render(List.of(new Race(1L, "demo.Grid.size", a, a)), 0);
        assertTrue(!json.contains("\"index\""), json);
    }

    @Test
    void text_header_names_the_array_and_the_index() {
        String text = TextReport.race(race("int[]", 12));
        assertEquals("WARNING: racedet: data race on field int[] at index 12 [" + race("int[]", 12).id() + "] (read-write)",
                text.lines().findFirst().orElseThrow());
    }

    private static List<Frame> stack(String... frames) {
        return java.util.Arrays.stream(frames).map(Frame::parse).toList();
    }
}
