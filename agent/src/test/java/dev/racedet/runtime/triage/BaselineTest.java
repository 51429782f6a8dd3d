package dev.racedet.runtime.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaselineTest {
    private static final Path FILE = Path.of("baseline.txt");

    @Test
    void ids_comments_trailing_text_and_report_headers_are_read() throws Exception {
        Baseline b = Baseline.parse(FILE, List.of("# known races", "", "R7e7ce03d", "  R0000abcd  # demo.C.f",
                "R1234ABCD other text", "WARNING: racedet: data race on field demo.C.g [R00c0ffee]"));
        assertEquals(4, b.size());
        for (String id : List.of("R7e7ce03d", "R0000abcd", "R1234abcd", "R00c0ffee")) {
            assertTrue(b.contains(id), id);
        }
        assertFalse(b.contains("R00000000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"R7e7ce03", "R7e7ce03d0", "X7e7ce03d", "  Write by thread \"t\":", "[R7e7ce03]"})
    void a_line_without_an_id_names_the_file_and_its_number(String line) {
        TriageFileException e = assertThrows(TriageFileException.class,
                () -> Baseline.parse(FILE, List.of("R7e7ce03d", "# c", line)));
        assertTrue(e.getMessage().startsWith("baseline.txt line 3: expected a race id like R7e7ce03d"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void an_unreadable_file_is_named() {
        TriageFileException e = assertThrows(TriageFileException.class, () -> Baseline.read(Path.of("/no/such/b.txt")));
        assertEquals("/no/such/b.txt: cannot read it (NoSuchFileException)", e.getMessage());
    }
}
