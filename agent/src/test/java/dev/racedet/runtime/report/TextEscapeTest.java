package dev.racedet.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextEscapeTest {

    @Test
    void plain_names_come_back_unchanged() {
        String name = "com.acme.Outer$Inner.lambda$run$0(Outer.java:12)";
        assertSame(name, TextEscape.name(name));
    }

    @Test
    void backslash_quote_and_line_breaks_are_escaped() {
        assertEquals("a\\\\b\\\"c\\nd\\re\\tf", TextEscape.name("a\\b\"c\nd\re\tf"));
    }

    @Test
    void terminal_escape_and_other_controls_become_unicode_escapes() {
        assertEquals("\\u001b[2J\\u0007\\u0000\\u007f\\u0085\\u009b", TextEscape.name("\u001b[2J\u0007\u0000\u007f\u0085\u009b"));
    }

    @Test
    void line_separators_bidi_overrides_and_isolates_are_escaped() {
        assertEquals("\\u2028\\u2029\\u202a\\u202e\\u2066\\u2069\\u200e\\u200b",
                TextEscape.name("\u2028\u2029\u202a\u202e\u2066\u2069\u200e\u200b"));
    }

    @Test
    void letters_of_every_script_and_surrogate_pairs_are_kept() {
        String name = "caf\u00e9 \u0416\u0438\u0432 \u4e2d\u6587 \u05e9\u05dc\u05d5\u05dd clef\uD834\uDD1E";
        assertSame(name, TextEscape.name(name));
    }

    @Test
    void lone_surrogates_are_escaped() {
        assertEquals("x\\ud834y\\udd1e", TextEscape.name("x\uD834y\uDD1E"));
    }

    @Test
    void escaped_text_is_unambiguous_because_the_backslash_is_escaped_too() {
        // a name that spells an escape must not print like the character it spells
        assertEquals("\\\\n", TextEscape.name("\\n"));
        assertEquals("\\n", TextEscape.name("\n"));
    }

    @Test
    void lines_keeps_line_breaks_and_escapes_everything_else() {
        assertEquals("first \\u001b[31m\nsecond\\t\n", TextEscape.lines("first \u001b[31m\nsecond\t\n"));
    }
}
