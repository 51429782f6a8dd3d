package dev.racedet.runtime.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.runtime.report.Frame;
import dev.racedet.runtime.report.Race;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuppressionRulesTest {
    private static final Path FILE = Path.of("rules.txt");

    /**
     * {@code com.acme.Cache.hits[]} written in {@code com.acme.Cache.record}, called from
     * {@code org.pool.Worker.run}; read in {@code com.acme.legacy.Stats.dump}.
     */
    private static final RaceFacts RACE = RaceFacts.of(new Race(1, "com.acme.Cache.hits[]",
            new Race.Access("t1", true, "com.acme.Cache.record(Cache.java:3)", List.of(
                    new Frame("com.acme.Cache", "record", "Cache.java", 3),
                    new Frame("org.pool.Worker", "run", "Worker.java", 40))),
            new Race.Access("t2", false, "com.acme.legacy.Stats.dump(Stats.java:8)", List.of(
                    new Frame("com.acme.legacy.Stats", "dump", "Stats.java", 8)))));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "field:com.acme.Cache.hits           | true",
        "field:com.acme.Cache.hits[]         | true",
        "field:com.acme.Cache.hit?           | true",
        "field:com.acme.Cache.misses         | false",
        "class:com.acme.Cache                | true",
        "class:com.acme.legacy.*             | true",
        "class:org.pool.Worker               | false",
        "method:com.acme.legacy.Stats.dump   | true",
        "method:*.record                     | true",
        "method:org.pool.Worker.run          | false",
        "package:com.acme                    | true",
        "package:com.acme.legacy             | true",
        "package:com.ac                      | false",
        "package:org.pool                    | false",
        "frame:org.pool.*                    | true",
        "frame:org.other.*                   | false",
        "race:org.pool.Worker.run            | true",
        "race:com.acme.Cache.hits            | true",
        "race:com.acme.Nope                  | false",
    })
    void each_kind_matches_what_it_names(String rule, boolean matches) throws Exception {
        SuppressionRules rules = SuppressionRules.parse(FILE, List.of(rule));
        assertEquals(matches ? rule.strip() : null, rules.match(RACE));
    }

    @Test
    void comments_blank_lines_and_trailing_comments_are_ignored() throws Exception {
        SuppressionRules rules = SuppressionRules.parse(FILE, List.of("# header", "", "   ",
                "  field:com.acme.Cache.hits   # counted loosely on purpose"));
        assertEquals("field:com.acme.Cache.hits", rules.match(RACE));
        assertTrue(SuppressionRules.parse(FILE, List.of("# only a comment")).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "feild:a.B.c        | line 2: unknown kind 'feild' (kinds: field, class, method, package, frame, race)",
        "a.B.c              | line 2: expected kind:pattern",
        "field:             | line 2: empty pattern after 'field:'",
        "field:a.B c        | line 2: bad pattern 'a.B c'",
        "field:a:b          | line 2: bad pattern 'a:b'",
    })
    void a_bad_line_names_the_file_and_its_number(String line, String message) {
        TriageFileException e = assertThrows(TriageFileException.class,
                () -> SuppressionRules.parse(FILE, List.of("# first", line)));
        assertTrue(e.getMessage().startsWith("rules.txt " + message), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void an_unreadable_file_is_named() {
        TriageFileException e = assertThrows(TriageFileException.class,
                () -> SuppressionRules.read(Path.of("/no/such/rules.txt")));
        assertEquals("/no/such/rules.txt: cannot read it (NoSuchFileException)", e.getMessage());
    }

    @Test
    void no_rules_match_nothing() {
        assertNull(SuppressionRules.NONE.match(RACE));
    }
}
