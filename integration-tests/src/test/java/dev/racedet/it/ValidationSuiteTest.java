package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import dev.racedet.it.support.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The validation suite, after JaCoCo's validation targets: every program in
 * {@code dev.racedet.it.targets} marks its racy lines with {@code // RACE}; run under the agent, the
 * lines named by its reports (current and previous access) must be exactly the marked ones. Programs
 * without a marker are traps built from modeled synchronization and must report nothing.
 */
class ValidationSuiteTest {
    private static final String PACKAGE = "dev.racedet.it.targets";

    @Test
    void suite_has_enough_racy_programs_and_traps() throws IOException {
        List<Path> targets = targets();
        long racy = 0;
        for (Path t : targets) {
            racy += Sources.markedLines(t).isEmpty() ? 0 : 1;
        }
        assertTrue(targets.size() >= 25, "only " + targets.size() + " targets");
        assertTrue(racy >= 10 && targets.size() - racy >= 10, racy + " racy of " + targets.size());
    }

    @TestFactory
    Stream<DynamicContainer> reported_lines_equal_marked_lines() throws IOException {
        List<Path> targets = targets();
        return Jdks.all().stream().map(jdk -> DynamicContainer.dynamicContainer(jdk.label(),
                targets.stream().map(source -> DynamicTest.dynamicTest(className(source), () -> {
                    Assumptions.assumeTrue(jdk.installed(), jdk + " is not installed");
                    check(jdk, source);
                }))));
    }

    private static void check(Jdks.Jdk jdk, Path source) throws Exception {
        check(jdk, source, new AgentOptions());
    }

    /**
     * Runs the target {@code source} with {@code options} (to which the target package and a JSON
     * path are added) and asserts its reported lines equal its marked lines.
     *
     * @return the run, for further checks
     */
    static AgentRun.Result check(Jdks.Jdk jdk, Path source, AgentOptions options) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run
                .agent(options.setInclude(PACKAGE + ".*").setJson(run.jsonPath().toString()))
                .jvmArgs("-XX:+UnlockDiagnosticVMOptions", "-XX:+BytecodeVerificationLocal")
                .runClass(AgentRun.requiredPath("targets.classes"), PACKAGE + "." + className(source));
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(0, Json.integer(result.summary().get("internalErrors")), result::toString);

        String file = source.getFileName().toString();
        Set<Integer> reported = new TreeSet<>();
        for (Map<String, Object> race : result.races()) {
            Map<String, Object> access = Json.object(race.get("access"));
            Map<String, Object> previous = Json.object(race.get("previous"));
            assertNotEquals(Json.string(access.get("thread")), Json.string(previous.get("thread")),
                    "a race is between two threads: " + race);
            for (Map<String, Object> side : List.of(access, previous)) {
                Sources.Frame frame = Sources.Frame.parse(Json.string(side.get("location")));
                assertEquals(file, frame.file(), "report outside the target: " + race);
                reported.add(frame.line());
            }
        }
        assertEquals(Sources.markedLines(source), reported, () -> file + " on " + jdk.label() + "\n" + result);
        return result;
    }

    static List<Path> targets() throws IOException {
        Path dir = AgentRun.requiredPath("targets.sources").resolve(PACKAGE.replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("Racers.java"))
                    .sorted().toList();
        }
    }

    private static String className(Path source) {
        String name = source.getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }
}
