package dev.racedet.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strictness the report tests rely on: {@link Json} is Jackson, so only what we configure (and
 * the mapping to plain Java values) is tested here, not JSON parsing itself.
 */
class JsonTest {

    @Test
    void parse_maps_values_to_plain_java_types_in_document_order() {
        Map<String, Object> o = Json.object(Json.parse(
                "{\"z\": 1, \"a\": [true, null, \"s\"], \"big\": 9007199254740993, \"f\": 1.50}"));

        assertEquals(List.of("z", "a", "big", "f"), List.copyOf(o.keySet()));
        assertEquals(1, Json.integer(o.get("z")));
        List<Object> a = Json.array(o.get("a"));
        assertEquals(Boolean.TRUE, a.get(0));
        assertSame(Json.NULL, a.get(1));
        assertEquals("s", Json.string(a.get(2)));
        assertEquals(9007199254740993L, Json.integer(o.get("big")));
        assertEquals("1.50", o.get("f").toString());
    }

    @Test
    void parse_decodes_escapes_exactly_as_written() {
        String raw = "q\" b\\ n\n t\t e\u001b ls\u2028 bidi\u202e cjk名前 astral\ud83d\ude00 lone\ud800";

        assertEquals(raw, Json.parse(
                "\"q\\\" b\\\\ n\\n t\\t e\\u001b ls\\u2028 bidi\\u202E cjk名前 astral\\ud83d\\ude00 lone\\ud800\""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{\"a\": 1, \"a\": 2}",          // duplicate key
        "{\"a\": 1, \"\\u0061\": 2}",    // duplicate key once unescaped
        "{\"a\": 1} x",                  // trailing token
        "{\"a\": 1} {}",                 // a second document
        "[1] // comment",                // comment
        "/* c */ [1]",
        "['a']",                         // single quotes
        "{a: 1}",                        // unquoted name
        "[NaN]",
        "[Infinity]",
        "[01]",                          // leading zero
        "[+1]",
        "[.5]",
        "[1.]",
        "[1,]",                          // trailing comma
        "{\"a\": 1,}",
        "[1,,2]",
        "[\"\\x41\"]",                   // escape RFC 8259 does not define
        "[\"\\'\"]",
        "[\"\\u12\"]",
        "[\"a\tb\"]",                    // raw control character
        "",
        "   "
    })
    void parse_rejects_what_rfc_8259_does_not_allow(String text) {
        assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
    }

    @Test
    void parse_rejects_nesting_deeper_than_the_limit() {
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        String tooDeep = "[" + ok + "]";

        Json.parse(ok);
        assertThrows(IllegalArgumentException.class, () -> Json.parse(tooDeep));
    }

    @Test
    void accessors_reject_values_of_another_type() {
        assertThrows(IllegalArgumentException.class, () -> Json.object(Json.parse("[]")));
        assertThrows(IllegalArgumentException.class, () -> Json.array(Json.parse("{}")));
        assertThrows(IllegalArgumentException.class, () -> Json.string(Json.parse("1")));
        assertThrows(IllegalArgumentException.class, () -> Json.integer(Json.parse("1.5")));
        assertThrows(IllegalArgumentException.class, () -> Json.integer(Json.parse("\"1\"")));
        assertThrows(IllegalArgumentException.class, () -> Json.integer(Json.parse("1e30")));
    }
}
