package dev.racedet.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// JSON escapes are written "\\u0041" here: a single backslash would be a Java unicode escape,
// which javac decodes before it even sees the string literal.
class JsonTest {

    // ---- accepted forms ---------------------------------------------------------------------

    @Test
    void parse_returns_nested_objects_in_order() {
        Object parsed = Json.parse("{\"z\": 1, \"a\": {\"y\": true, \"b\": null}, \"m\": []}");

        assertInstanceOf(LinkedHashMap.class, parsed);
        Map<String, Object> root = Json.object(parsed);
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(root.keySet()));
        assertInstanceOf(LinkedHashMap.class, root.get("a"));
        Map<String, Object> inner = Json.object(root.get("a"));
        assertEquals(List.of("y", "b"), new ArrayList<>(inner.keySet()));
        assertEquals(Boolean.TRUE, inner.get("y"));
        assertSame(Json.NULL, inner.get("b"));
    }

    @Test
    void parse_returns_empty_object_and_array() {
        assertEquals(Map.of(), Json.parse("{}"));
        assertEquals(List.of(), Json.parse("[]"));
        assertEquals(Map.of(), Json.parse("{ \n }"));
        assertEquals(List.of(), Json.parse("[ \t ]"));
    }

    @Test
    void parse_returns_array_elements_in_order() {
        Object parsed = Json.parse("[1, \"two\", [3], {\"four\": 4}, true, false, null]");

        assertInstanceOf(ArrayList.class, parsed);
        List<Object> list = Json.array(parsed);
        assertEquals(Arrays.asList(new BigDecimal("1"), "two", List.of(new BigDecimal("3")),
                Map.of("four", new BigDecimal("4")), true, false, Json.NULL), list);
    }

    @Test
    void parse_returns_deeply_nested_values() {
        Object parsed = Json.parse("[[[{\"a\": [{\"b\": [\"deep\"]}]}]]]");

        Object a = Json.object(Json.array(Json.array(Json.array(parsed).get(0)).get(0)).get(0)).get("a");
        Object b = Json.object(Json.array(a).get(0)).get("b");
        assertEquals("deep", Json.string(Json.array(b).get(0)));
    }

    @Test
    void parse_accepts_nesting_up_to_the_limit() {
        String text = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);

        Object value = Json.parse(text);
        for (int i = 1; i < Json.MAX_DEPTH; i++) {
            value = Json.array(value).get(0);
        }
        assertEquals(List.of(), value);
    }

    @Test
    void parse_returns_top_level_scalars() {
        assertEquals("s", Json.parse("\"s\""));
        assertEquals(new BigDecimal("7"), Json.parse("7"));
        assertEquals(Boolean.TRUE, Json.parse("true"));
        assertEquals(Boolean.FALSE, Json.parse("false"));
        assertSame(Json.NULL, Json.parse("null"));
    }

    @Test
    void parse_returns_null_sentinel_not_java_null() {
        Map<String, Object> map = Json.object(Json.parse("{\"a\": null}"));

        assertTrue(map.containsKey("a"));
        assertSame(Json.NULL, map.get("a"));
        assertEquals("null", Json.NULL.toString());
    }

    @Test
    void parse_returns_integers_as_big_decimal() {
        assertEquals(new BigDecimal("0"), Json.parse("0"));
        assertEquals(new BigDecimal("0"), Json.parse("-0"));
        assertEquals(new BigDecimal("42"), Json.parse("42"));
        assertEquals(new BigDecimal("-17"), Json.parse("-17"));
        assertEquals(new BigDecimal("123456789012345678901234567890"),
                Json.parse("123456789012345678901234567890"));
    }

    @Test
    void parse_returns_fractions_and_exponents_exactly() {
        // BigDecimal.equals compares the scale too, so these check the number is kept as written.
        assertEquals(new BigDecimal("1.50"), Json.parse("1.50"));
        assertEquals(new BigDecimal("-0.001"), Json.parse("-0.001"));
        assertEquals(new BigDecimal("1E+2"), Json.parse("1e2"));
        assertEquals(new BigDecimal("1E+2"), Json.parse("1E2"));
        assertEquals(new BigDecimal("1E+2"), Json.parse("1e+2"));
        assertEquals(new BigDecimal("1E-2"), Json.parse("1E-2"));
        assertEquals(new BigDecimal("2.5E+10"), Json.parse("2.5e10"));
        assertEquals(new BigDecimal("0E+5"), Json.parse("0e5"));
        assertEquals(new BigDecimal("-0.0"), Json.parse("-0.0e0"));
        assertEquals(new BigDecimal("1E+2"), Json.parse("1e0000000000000000002"));
        assertEquals(new BigDecimal("3.141592653589793238462643383279"),
                Json.parse("3.141592653589793238462643383279"));
    }

    @Test
    void parse_returns_numbers_ended_by_structure() {
        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("-0.5"), new BigDecimal("2E+3")),
                Json.parse("[1,-0.5,2e3]"));
        assertEquals(Map.of("a", new BigDecimal("0")), Json.parse("{\"a\":0}"));
    }

    @Test
    void parse_accepts_all_four_whitespace_kinds() {
        String ws = " \t\n\r";
        String text = ws + "{" + ws + "\"a\"" + ws + ":" + ws + "[" + ws + "1" + ws + "," + ws
                + "2" + ws + "]" + ws + "," + ws + "\"b\"" + ws + ":" + ws + "true" + ws + "}" + ws;

        assertEquals(Map.of("a", List.of(new BigDecimal("1"), new BigDecimal("2")), "b", true),
                Json.parse(text));
    }

    @Test
    void parse_decodes_simple_escapes() {
        assertEquals("\" \\ / \b \f \n \r \t",
                Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\""));
    }

    @Test
    void parse_decodes_unicode_escapes() {
        assertEquals("A", Json.parse("\"\\u0041\""));
        assertEquals("\u00e9\u00e9", Json.parse("\"\\u00e9\\u00E9\""));
        assertEquals("\u0000", Json.parse("\"\\u0000\""));
        assertEquals("\u001f", Json.parse("\"\\u001F\""));
        assertEquals("\uffff", Json.parse("\"\\uFFFF\""));
        assertEquals("a\"b", Json.parse("\"a\\u0022b\""));
    }

    @Test
    void parse_combines_surrogate_pair_escapes() {
        String grinning = new String(Character.toChars(0x1F600));

        assertEquals(grinning, Json.parse("\"\\uD83D\\uDE00\""));
        assertEquals(grinning, Json.parse("\"\\ud83d\\ude00\""));
        assertEquals("x" + grinning + "y", Json.parse("\"x\\uD83D\\uDE00y\""));
        assertEquals(0x1F600, Json.string(Json.parse("\"\\uD83D\\uDE00\"")).codePointAt(0));
    }

    @Test
    void parse_accepts_unescaped_non_ascii_and_surrogate_pairs() {
        String text = "caf\u00e9 \u4e2d " + new String(Character.toChars(0x1F600));

        assertEquals(text, Json.parse("\"" + text + "\""));
    }

    @Test
    void parse_accepts_unescaped_del_and_line_separators() {
        // RFC 8259 only requires U+0000-U+001F to be escaped.
        String text = "\u007f \u0080 \u2028 \u2029";

        assertEquals(text, Json.parse("\"" + text + "\""));
    }

    @Test
    void parse_accepts_keys_that_differ_only_in_case() {
        assertEquals(List.of("a", "A"), new ArrayList<>(Json.object(Json.parse("{\"a\":1,\"A\":2}")).keySet()));
    }

    @Test
    void parse_accepts_empty_string_and_empty_key() {
        assertEquals("", Json.parse("\"\""));
        assertEquals(Map.of("", ""), Json.parse("{\"\":\"\"}"));
    }

    @Test
    void parse_reads_a_realistic_report() {
        Map<String, Object> doc = Json.object(Json.parse(
                "{\"version\": 1, \"races\": [], \"summary\": {\"races\": 0, \"fields\": 0, \"internalErrors\": 0}}"));

        assertEquals(List.of("version", "races", "summary"), new ArrayList<>(doc.keySet()));
        assertEquals(1, Json.integer(doc.get("version")));
        assertTrue(Json.array(doc.get("races")).isEmpty());
        Map<String, Object> summary = Json.object(doc.get("summary"));
        assertEquals(List.of("races", "fields", "internalErrors"), new ArrayList<>(summary.keySet()));
        assertEquals(0, Json.integer(summary.get("races")));
        assertEquals(0, Json.integer(summary.get("fields")));
        assertEquals(0, Json.integer(summary.get("internalErrors")));
    }

    @Test
    void parse_reads_a_pretty_printed_report_with_a_race() {
        String text = """
                {
                  "version": 1,
                  "races": [
                    {
                      "field": "dev.racedet.demo.Counter.count",
                      "kind": "write-write",
                      "threads": ["worker-1", "worker-2"],
                      "stack": ["Counter.increment(Counter.java:12)", "Worker.run(Worker.java:30)"],
                      "note": "tab\\there, quote \\" and \\u00e9"
                    }
                  ],
                  "summary": {"races": 1, "fields": 1, "internalErrors": 0}
                }
                """;

        Map<String, Object> doc = Json.object(Json.parse(text));
        List<Object> races = Json.array(doc.get("races"));
        assertEquals(1, races.size());
        Map<String, Object> race = Json.object(races.get(0));
        assertEquals("dev.racedet.demo.Counter.count", Json.string(race.get("field")));
        assertEquals("write-write", Json.string(race.get("kind")));
        assertEquals(List.of("worker-1", "worker-2"), Json.array(race.get("threads")));
        assertEquals(2, Json.array(race.get("stack")).size());
        assertEquals("tab\there, quote \" and \u00e9", Json.string(race.get("note")));
        assertEquals(1, Json.integer(Json.object(doc.get("summary")).get("races")));
    }

    @Test
    void parse_returns_mutable_collections_owned_by_the_caller() {
        Map<String, Object> map = Json.object(Json.parse("{\"a\": [1]}"));
        map.put("b", "added");
        Json.array(map.get("a")).add("added");

        assertEquals(List.of(new BigDecimal("1"), "added"), map.get("a"));
        assertEquals(Map.of("a", new BigDecimal("1")), Json.parse("{\"a\": 1}"));
    }

    // ---- rejected forms ---------------------------------------------------------------------

    @Test
    void parse_rejects_null_text() {
        assertThrows(NullPointerException.class, () -> Json.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " \t\n\r "})
    void parse_rejects_empty_input(String text) {
        assertRejectedAt(text, text.length(), "a JSON value", "end of input");
    }

    @Test
    void parse_rejects_trailing_garbage() {
        assertRejectedAt("1 2", 2, "end of input after the top-level value", "'2'");
        assertRejectedAt("{} x", 3, "end of input after the top-level value", "'x'");
        assertRejectedAt("[1]]", 3, "end of input after the top-level value", "']'");
        assertRejectedAt("\"a\"\"b\"", 3, "end of input after the top-level value", "'\"'");
        assertRejectedAt("truex", 4, "end of input after the top-level value", "'x'");
        assertRejectedAt("nulll", 4, "end of input after the top-level value", "'l'");
        assertRejectedAt("1e5.0", 3, "end of input after the top-level value", "'.'");
        assertRejectedAt("{}\u0000", 2, "end of input after the top-level value", "U+0000");
    }

    @Test
    void parse_rejects_trailing_comma_in_array() {
        assertRejectedAt("[1,]", 3, "a JSON value", "']'");
        assertRejectedAt("[1, ]", 4, "a JSON value", "']'");
        assertRejectedAt("[[],]", 4, "a JSON value", "']'");
    }

    @Test
    void parse_rejects_trailing_comma_in_object() {
        assertRejectedAt("{\"a\":1,}", 7, "'\"' starting an object key", "'}'");
        assertRejectedAt("{\"a\":1 , }", 9, "'\"' starting an object key", "'}'");
    }

    @Test
    void parse_rejects_misplaced_commas() {
        assertRejectedAt("[,1]", 1, "a JSON value", "','");
        assertRejectedAt("[1,,2]", 3, "a JSON value", "','");
        assertRejectedAt("[,]", 1, "a JSON value", "','");
        assertRejectedAt("{,}", 1, "'\"' starting an object key", "','");
        assertRejectedAt("1,", 1, "end of input after the top-level value", "','");
    }

    @Test
    void parse_rejects_missing_separators() {
        assertRejectedAt("[1 2]", 3, "',' or ']'", "'2'");
        assertRejectedAt("{\"a\":1 \"b\":2}", 7, "',' or '}'", "'\"'");
        assertRejectedAt("{\"a\" 1}", 5, "':' after an object key", "'1'");
        assertRejectedAt("{\"a\"=1}", 4, "':' after an object key", "'='");
        assertRejectedAt("{\"a\":}", 5, "a JSON value", "'}'");
        assertRejectedAt("{\"a\"}", 4, "':' after an object key", "'}'");
    }

    @Test
    void parse_rejects_unclosed_structures() {
        assertRejectedAt("[", 1, "a JSON value", "end of input");
        assertRejectedAt("[1", 2, "',' or ']'", "end of input");
        assertRejectedAt("{", 1, "'\"' starting an object key", "end of input");
        assertRejectedAt("{\"a\":1", 6, "',' or '}'", "end of input");
        assertRejectedAt("{\"a\"", 4, "':' after an object key", "end of input");
        assertRejectedAt("[}", 1, "a JSON value", "'}'");
        assertRejectedAt("{]", 1, "'\"' starting an object key", "']'");
        assertRejectedAt("]", 0, "a JSON value", "']'");
    }

    @Test
    void parse_rejects_unterminated_string() {
        assertRejectedAt("\"abc", 4, "'\"' closing the string", "end of input");
        assertRejectedAt("[\"abc]", 6, "'\"' closing the string", "end of input");
        assertRejectedAt("\"abc\\\"", 6, "'\"' closing the string", "end of input");
    }

    @Test
    void parse_rejects_non_string_keys() {
        assertRejectedAt("{1:2}", 1, "'\"' starting an object key", "'1'");
        assertRejectedAt("{a:1}", 1, "'\"' starting an object key", "'a'");
        assertRejectedAt("{null:1}", 1, "'\"' starting an object key", "'n'");
        assertRejectedAt("{[]:1}", 1, "'\"' starting an object key", "'['");
    }

    @Test
    void parse_rejects_single_quotes() {
        assertRejectedAt("'a'", 0, "a JSON value", "'''");
        assertRejectedAt("{'a':1}", 1, "'\"' starting an object key", "'''");
        assertRejectedAt("[\"a']", 5, "'\"' closing the string", "end of input");
    }

    @Test
    void parse_rejects_duplicate_keys() {
        assertRejectedAt("{\"a\":1,\"a\":2}", 7, "a key not already used in this object",
                "duplicate key \"a\"");
        assertRejectedAt("{\"a\":1,\"b\":2,\"a\":1}", 13, "a key not already used in this object",
                "duplicate key \"a\"");
        assertRejectedAt("{\"x\":{\"k\":1,\"k\":1}}", 12, "a key not already used in this object",
                "duplicate key \"k\"");
    }

    @Test
    void parse_rejects_duplicate_keys_compared_after_unescaping() {
        assertRejectedAt("{\"a\":1,\"\\u0061\":2}", 7, "a key not already used in this object",
                "duplicate key \"a\"");
    }

    @Test
    void parse_accepts_same_key_in_different_objects() {
        assertEquals(List.of(Map.of("a", new BigDecimal("1")), Map.of("a", new BigDecimal("2"))),
                Json.parse("[{\"a\":1},{\"a\":2}]"));
    }

    @Test
    void parse_rejects_unescaped_control_characters() {
        for (char c = 0; c < 0x20; c++) {
            String text = "\"a" + c + "b\"";
            assertRejectedAt(text, 2, "control characters must be escaped", String.format("U+%04X", (int) c));
        }
    }

    @Test
    void parse_rejects_unescaped_control_characters_in_keys() {
        assertRejectedAt("{\"a\nb\":1}", 3, "control characters must be escaped", "U+000A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\a\"", "\"\\x\"", "\"\\'\"", "\"\\0\"", "\"\\U0041\"", "\"\\ \"", "\"\\\n\""})
    void parse_rejects_invalid_escapes(String text) {
        assertRejectedAt(text, 2, "an escape: one of", null);
    }

    @Test
    void parse_rejects_escape_at_end_of_input() {
        assertRejectedAt("\"\\", 2, "an escape: one of", "end of input");
    }

    @Test
    void parse_rejects_short_or_non_hex_unicode_escapes() {
        assertRejectedAt("\"\\u12\"", 5, "a hex digit", "'\"'");
        assertRejectedAt("\"\\u\"", 3, "a hex digit", "'\"'");
        assertRejectedAt("\"\\u12G4\"", 5, "a hex digit", "'G'");
        assertRejectedAt("\"\\u-123\"", 3, "a hex digit", "'-'");
        assertRejectedAt("\"\\u 123\"", 3, "a hex digit", "' '");
        assertRejectedAt("\"\\u00e", 6, "a hex digit", "end of input");
        // Full-width digits are Unicode digits, but not hex digits in JSON.
        assertRejectedAt("\"\\u\uff11\uff12\uff13\uff14\"", 3, "a hex digit", "U+FF11");
    }

    @Test
    void parse_rejects_lone_high_surrogate_escape() {
        String expected = "a \\uDC00-\\uDFFF escape completing the surrogate pair begun by \\uD83D";
        assertRejectedAt("\"\\uD83D\"", 7, expected, "'\"'");
        assertRejectedAt("\"\\uD83Dx\"", 7, expected, "'x'");
        assertRejectedAt("\"\\uD83D\\n\"", 7, expected, "'\\'");
        assertRejectedAt("\"\\uD83D\\u0041\"", 7, expected, "\\u0041");
        assertRejectedAt("\"\\uD83D\\uD83D\"", 7, expected, "\\uD83D");
        assertRejectedAt("\"\\uD83D", 7, expected, "end of input");
        assertRejectedAt("\"\\uDBFF\\uDBFF\\uDC00\"", 7,
                "a \\uDC00-\\uDFFF escape completing the surrogate pair begun by \\uDBFF", "\\uDBFF");
    }

    @Test
    void parse_rejects_high_surrogate_escape_with_bad_low_escape() {
        assertRejectedAt("\"\\uD83D\\uDE0\"", 12, "a hex digit", "'\"'");
    }

    @Test
    void parse_rejects_lone_low_surrogate_escape() {
        String expected = "a \\uD800-\\uDBFF escape before a low surrogate escape";
        assertRejectedAt("\"\\uDE00\"", 1, expected, "\\uDE00 on its own");
        assertRejectedAt("\"ab\\uDC00\"", 3, expected, "\\uDC00 on its own");
        assertRejectedAt("\"\\uDE00\\uD83D\"", 1, expected, "\\uDE00 on its own");
    }

    @Test
    void parse_rejects_unpaired_unescaped_surrogates() {
        assertRejectedAt("\"\uD83D\"", 2, "the low surrogate completing the pair begun by U+D83D", "'\"'");
        assertRejectedAt("\"\uD83D", 2, "the low surrogate completing the pair begun by U+D83D", "end of input");
        assertRejectedAt("\"\uDE00\"", 1, "a whole character, not the low half of a surrogate pair", "U+DE00");
        assertRejectedAt("\"\uDE00\uD83D\"", 1, "a whole character, not the low half of a surrogate pair", "U+DE00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "00", "-01", "007", "-00.5"})
    void parse_rejects_leading_zeros(String text) {
        assertRejectedAt(text, text.indexOf('0') + 1, "(no leading zeros)", null);
    }

    @Test
    void parse_rejects_leading_zeros_inside_arrays() {
        assertRejectedAt("[01]", 2, "(no leading zeros)", "'1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1", "+0", "+1.5"})
    void parse_rejects_leading_plus(String text) {
        assertRejectedAt(text, 0, "a JSON value", "'+'");
    }

    @Test
    void parse_rejects_fraction_without_integer_part() {
        assertRejectedAt(".5", 0, "a JSON value", "'.'");
        assertRejectedAt("-.5", 1, "a digit", "'.'");
        assertRejectedAt("[.5]", 1, "a JSON value", "'.'");
    }

    @Test
    void parse_rejects_fraction_without_digits() {
        assertRejectedAt("1.", 2, "a digit after the decimal point", "end of input");
        assertRejectedAt("1.e5", 2, "a digit after the decimal point", "'e'");
        assertRejectedAt("[1.]", 3, "a digit after the decimal point", "']'");
        assertRejectedAt("0..1", 2, "a digit after the decimal point", "'.'");
    }

    @Test
    void parse_rejects_malformed_exponents() {
        assertRejectedAt("1e", 2, "a digit in the exponent", "end of input");
        assertRejectedAt("1E+", 3, "a digit in the exponent", "end of input");
        assertRejectedAt("1e-", 3, "a digit in the exponent", "end of input");
        assertRejectedAt("1ee5", 2, "a digit in the exponent", "'e'");
        assertRejectedAt("1e+-5", 3, "a digit in the exponent", "'-'");
        assertRejectedAt("1e.5", 2, "a digit in the exponent", "'.'");
        assertRejectedAt("[1e]", 3, "a digit in the exponent", "']'");
        assertRejectedAt("e5", 0, "a JSON value", "'e'");
    }

    @Test
    void parse_rejects_lone_minus() {
        assertRejectedAt("-", 1, "a digit", "end of input");
        assertRejectedAt("- 1", 1, "a digit", "' '");
        assertRejectedAt("--1", 1, "a digit", "'-'");
    }

    @Test
    void parse_rejects_other_number_forms() {
        assertRejectedAt("0x10", 1, "end of input after the top-level value", "'x'");
        assertRejectedAt("1_000", 1, "end of input after the top-level value", "'_'");
        assertRejectedAt("1,000", 1, "end of input after the top-level value", "','");
        // U+0661 is ARABIC-INDIC DIGIT ONE: a Unicode digit, but not a JSON one.
        assertRejectedAt("\u0661", 0, "a JSON value", "U+0661");
    }

    @Test
    void parse_rejects_exponent_beyond_big_decimal_range() {
        assertRejectedAt("1e9999999999", 0, "a number whose exponent BigDecimal can hold", "1e9999999999");
        assertRejectedAt("[0, 1.5e-2147483648]", 4, "a number whose exponent BigDecimal can hold",
                "1.5e-2147483648");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "nan", "inf"})
    void parse_rejects_nan_and_infinity(String text) {
        // No JSON value starts with 'N', 'I' or 'i'; "nan" fails inside the literal null.
        IllegalArgumentException e = rejects(text);
        assertTrue(e.getMessage().startsWith("Invalid JSON at offset "), e.getMessage());
    }

    @Test
    void parse_rejects_nan_and_infinity_at_the_right_place() {
        assertRejectedAt("NaN", 0, "a JSON value", "'N'");
        assertRejectedAt("Infinity", 0, "a JSON value", "'I'");
        assertRejectedAt("-Infinity", 1, "a digit", "'I'");
        assertRejectedAt("[1, NaN]", 4, "a JSON value", "'N'");
        assertRejectedAt("{\"a\": Infinity}", 6, "a JSON value", "'I'");
    }

    @Test
    void parse_rejects_comments() {
        assertRejectedAt("// c\n1", 0, "a JSON value", "'/'");
        assertRejectedAt("/* c */ 1", 0, "a JSON value", "'/'");
        assertRejectedAt("1 // c", 2, "end of input after the top-level value", "'/'");
        assertRejectedAt("[1 /* c */]", 3, "',' or ']'", "'/'");
        assertRejectedAt("{\"a\":1 // c\n}", 7, "',' or '}'", "'/'");
        assertRejectedAt("# c\n1", 0, "a JSON value", "'#'");
    }

    @Test
    void parse_rejects_non_json_whitespace() {
        assertRejectedAt("\f1", 0, "a JSON value", "U+000C");
        assertRejectedAt("\u000b1", 0, "a JSON value", "U+000B");
        assertRejectedAt("\u00a01", 0, "a JSON value", "U+00A0");
        assertRejectedAt("\u20281", 0, "a JSON value", "U+2028");
        assertRejectedAt("\u30001", 0, "a JSON value", "U+3000");
        assertRejectedAt("[1,\u00a02]", 3, "a JSON value", "U+00A0");
        assertRejectedAt("1\f", 1, "end of input after the top-level value", "U+000C");
    }

    @Test
    void parse_rejects_byte_order_mark() {
        assertRejectedAt("\ufeff{}", 0, "a JSON value", "U+FEFF");
    }

    @Test
    void parse_rejects_misspelled_literals() {
        assertRejectedAt("tru", 3, "'e' of the literal true", "end of input");
        assertRejectedAt("trUe", 2, "'u' of the literal true", "'U'");
        assertRejectedAt("True", 0, "a JSON value", "'T'");
        assertRejectedAt("fals", 4, "'e' of the literal false", "end of input");
        assertRejectedAt("nul", 3, "'l' of the literal null", "end of input");
        assertRejectedAt("NULL", 0, "a JSON value", "'N'");
        assertRejectedAt("[nil]", 2, "'u' of the literal null", "'i'");
        assertRejectedAt("undefined", 0, "a JSON value", "'u'");
    }

    @Test
    void parse_rejects_excessive_nesting_without_stack_overflow() {
        int depth = Json.MAX_DEPTH + 1;
        assertRejectedAt("[".repeat(depth) + "]".repeat(depth), Json.MAX_DEPTH,
                "at most " + Json.MAX_DEPTH + " nested arrays and objects", "'['");
        assertRejectedAt("{\"a\":".repeat(depth) + "1" + "}".repeat(depth), 5 * Json.MAX_DEPTH,
                "at most " + Json.MAX_DEPTH + " nested arrays and objects", "'{'");
        // Far deeper than any stack would allow for unbounded recursion.
        rejects("[".repeat(1_000_000));
    }

    @Test
    void parse_error_message_names_offset_expectation_and_found_char() {
        IllegalArgumentException e = rejects("[1 2]");

        assertEquals("Invalid JSON at offset 3: expected ',' or ']' but found '2'", e.getMessage());
    }

    // ---- typed accessors --------------------------------------------------------------------

    @Test
    void object_returns_the_parsed_map() {
        Object parsed = Json.parse("{\"a\": 1}");

        assertSame(parsed, Json.object(parsed));
    }

    @Test
    void array_returns_the_parsed_list() {
        Object parsed = Json.parse("[1]");

        assertSame(parsed, Json.array(parsed));
    }

    @Test
    void string_returns_the_parsed_string() {
        assertEquals("s", Json.string(Json.parse("\"s\"")));
    }

    @Test
    void integer_returns_long_for_integral_numbers() {
        assertEquals(0L, Json.integer(Json.parse("0")));
        assertEquals(0L, Json.integer(Json.parse("-0")));
        assertEquals(-5L, Json.integer(Json.parse("-5")));
        assertEquals(3L, Json.integer(Json.parse("3.0")));
        assertEquals(3L, Json.integer(Json.parse("0.3e1")));
        assertEquals(100L, Json.integer(Json.parse("1e2")));
        assertEquals(Long.MAX_VALUE, Json.integer(Json.parse("9223372036854775807")));
        assertEquals(Long.MIN_VALUE, Json.integer(Json.parse("-9223372036854775808")));
    }

    @Test
    void object_rejects_other_types() {
        assertMismatch(() -> Json.object(Json.parse("[1, 2]")),
                "Expected a JSON value that is an object but got an array of 2 element(s)");
        assertMismatch(() -> Json.object(Json.NULL), "Expected a JSON value that is an object but got null");
        assertMismatch(() -> Json.object(null),
                "Expected a JSON value that is an object but got Java null, which Json.parse never returns");
    }

    @Test
    void array_rejects_other_types() {
        assertMismatch(() -> Json.array(Json.parse("{\"a\": 1}")),
                "Expected a JSON value that is an array but got an object with 1 key(s)");
        assertMismatch(() -> Json.array(Json.parse("\"[]\"")),
                "Expected a JSON value that is an array but got the string \"[]\"");
    }

    @Test
    void string_rejects_other_types() {
        assertMismatch(() -> Json.string(Json.parse("5")),
                "Expected a JSON value that is a string but got the number 5");
        assertMismatch(() -> Json.string(Json.parse("true")),
                "Expected a JSON value that is a string but got the boolean true");
        assertMismatch(() -> Json.string(Json.NULL), "Expected a JSON value that is a string but got null");
        assertMismatch(() -> Json.string('c'),
                "Expected a JSON value that is a string but got a java.lang.Character, which Json.parse never returns");
    }

    @Test
    void mismatch_message_shortens_long_strings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Json.integer("x".repeat(1000)));

        assertTrue(e.getMessage().endsWith("\"" + "x".repeat(60) + "...\""), e.getMessage());
    }

    @Test
    void integer_rejects_non_numbers() {
        assertMismatch(() -> Json.integer(Json.parse("\"1\"")),
                "Expected a JSON value that is an integer but got the string \"1\"");
        assertMismatch(() -> Json.integer(Json.NULL), "Expected a JSON value that is an integer but got null");
    }

    @Test
    void integer_rejects_fractions() {
        assertMismatch(() -> Json.integer(Json.parse("1.5")),
                "Expected a JSON value that is an integer in the range of long but got the number 1.5");
        assertMismatch(() -> Json.integer(Json.parse("1e-1")),
                "Expected a JSON value that is an integer in the range of long but got the number 0.1");
    }

    @Test
    void integer_rejects_numbers_outside_long_range() {
        assertMismatch(() -> Json.integer(Json.parse("9223372036854775808")),
                "Expected a JSON value that is an integer in the range of long but got the number 9223372036854775808");
        assertMismatch(() -> Json.integer(Json.parse("-9223372036854775809")),
                "Expected a JSON value that is an integer in the range of long but got the number -9223372036854775809");
        assertMismatch(() -> Json.integer(Json.parse("1e999999999")),
                "Expected a JSON value that is an integer in the range of long but got the number 1E+999999999");
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static IllegalArgumentException rejects(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Json.parse(text),
                () -> "should reject: " + text);
    }

    /**
     * Checks that {@code text} is rejected at {@code offset}, that the message contains
     * {@code expected}, and, unless {@code found} is null, that it ends with "but found " + found.
     */
    private static void assertRejectedAt(String text, int offset, String expected, String found) {
        String message = rejects(text).getMessage();
        assertTrue(message.startsWith("Invalid JSON at offset " + offset + ": expected "),
                () -> "wrong offset for " + text + ": " + message);
        assertTrue(message.contains(expected), () -> "missing \"" + expected + "\": " + message);
        if (found != null) {
            assertTrue(message.endsWith(" but found " + found), () -> "wrong found part: " + message);
        }
    }

    private static void assertMismatch(Executable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }
}
