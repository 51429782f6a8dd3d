package dev.racedet.it.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Json;
import dev.racedet.it.support.Sources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Assertions shared by the third-party tests, all on what a real JVM run under racedet left: its
 * exit status, standard error and parsed JSON report. The caller must have run the program with
 * racedet's {@code json} option pointed at {@link AgentRun#jsonPath()}.
 */
public final class RaceAssertions {
    private static final List<String> RACEDET_PACKAGES = List.of(
            "dev.racedet.agent.", "dev.racedet.runtime.", "dev.racedet.shaded.", "dev.racedet.Premain");

    private RaceAssertions() {
    }

    /**
     * racedet did not harm the host: exit 0, no internal error counted in the JSON summary, none
     * logged, and no stack trace naming a racedet frame on standard error (race reports list
     * application frames only).
     */
    public static void assertHostUnharmed(AgentRun.Result result) throws IOException {
        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(result.stderr().contains("racedet: internal error"), result::toString);
        assertFalse(result.stderr().lines().anyMatch(RaceAssertions::isRacedetFrame), result::toString);
        assertEquals(0, Json.integer(result.summary().get("internalErrors")), result::toString);
    }

    /** A stack trace line of racedet's own code (the test programs live in {@code dev.racedet.it}). */
    private static boolean isRacedetFrame(String line) {
        String frame = line.strip();
        return RACEDET_PACKAGES.stream().anyMatch(p -> frame.startsWith("at " + p));
    }

    /**
     * The reported races are exactly the known ones: the fields named by the report are
     * {@code fields} and the source lines of both sides of every race are the lines marked
     * {@code // RACE} in {@code sources} (as {@code File.java:line}). A race-free trap in the same
     * program is thereby checked too: a report on its field or lines fails the test.
     */
    public static void assertRacesExactly(AgentRun.Result result, Set<String> fields, Path... sources)
            throws IOException {
        assertEquals(new TreeSet<>(fields), reportedFields(result), result::toString);
        assertEquals(markedLines(sources), reportedLines(result), result::toString);
    }

    /** Declaring-class-qualified names of the fields the JSON report names. */
    public static Set<String> reportedFields(AgentRun.Result result) throws IOException {
        Set<String> fields = new TreeSet<>();
        for (Map<String, Object> race : result.races()) {
            fields.add(Json.string(race.get("field")));
        }
        return fields;
    }

    /** {@code File.java:line} of both sides of every reported race; the sides' threads must differ. */
    public static Set<String> reportedLines(AgentRun.Result result) throws IOException {
        Set<String> lines = new TreeSet<>();
        for (Map<String, Object> race : result.races()) {
            Map<String, Object> access = Json.object(race.get("access"));
            Map<String, Object> previous = Json.object(race.get("previous"));
            assertNotEquals(Json.string(access.get("thread")), Json.string(previous.get("thread")),
                    "a race is between two threads: " + race);
            for (Map<String, Object> side : List.of(access, previous)) {
                Sources.Frame frame = Sources.Frame.parse(Json.string(side.get("location")));
                lines.add(frame.file() + ":" + frame.line());
            }
        }
        return lines;
    }

    /** {@code File.java:line} of every line marked {@code // RACE} in the sources. */
    public static Set<String> markedLines(Path... sources) throws IOException {
        Set<String> lines = new TreeSet<>();
        for (Path source : sources) {
            for (int line : Sources.markedLines(source)) {
                lines.add(source.getFileName() + ":" + line);
            }
        }
        return lines;
    }
}
