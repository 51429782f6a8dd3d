package dev.racedet.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationOptionTest {
    @ParameterizedTest
    @CsvSource({"1ms, 1", "500ms, 500", "30s, 30000", "5m, 300000", "2h, 7200000", "2400h, 8640000000"})
    void duration_reads_a_whole_number_and_a_unit(String value, long millis) {
        AgentOptions options = new AgentOptions("duration=" + value);
        assertEquals(millis, options.getDurationMillis());
        assertEquals(options, new AgentOptions(options.toString()));
    }

    @Test
    void no_duration_means_until_detach() {
        assertEquals(0, new AgentOptions().getDurationMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "s", "0s", "0ms", "-1s", "1.5s", "5 m", "5min", "5M", "2401h",
        "99999999999999s", "1d"})
    void duration_rejects_anything_else_in_one_line(String value) {
        AgentOptions.InvalidOptionException e = assertThrows(AgentOptions.InvalidOptionException.class,
                () -> new AgentOptions("duration=" + value));
        assertTrue(e.getMessage().startsWith("racedet: bad value '" + value + "' for 'duration'"), e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
    }
}
