package dev.racedet.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

    @Test
    void percent_p_is_the_pid_and_double_percent_a_percent_sign() {
        assertEquals("/tmp/races-4242.json", FileNames.expand("/tmp/races-%p.json", 4242));
        assertEquals("r-4242-100%-4242%", FileNames.expand("r-%p-100%%-%p%%", 4242));
        assertEquals("%p", FileNames.expand("%%p", 1));
        assertEquals("plain.json", FileNames.expand("plain.json", 1));
    }

    @Test
    void expand_without_a_pid_uses_this_jvms() {
        assertEquals("r-" + ProcessHandle.current().pid(), FileNames.expand("r-%p"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"r-%t.json", "r%", "%d", "100%.txt"})
    void any_other_percent_is_rejected(String name) {
        assertTrue(FileNames.problem(name).contains("is not a placeholder"), FileNames.problem(name));
        assertThrows(IllegalArgumentException.class, () -> FileNames.expand(name, 1));
    }

    @Test
    void valid_names_have_no_problem() {
        assertNull(FileNames.problem("a/%p/%%/b"));
    }
}
