package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.corpus.ConcurrentRuns;
import dev.racedet.it.corpus.CorpusTarget;
import dev.racedet.it.corpus.JdkVersions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import dev.racedet.it.support.Sources;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The validation suite, after JaCoCo's validation targets: every program in
 * {@code dev.racedet.it.targets} and its subpackages ({@code juc}, {@code atomics}, {@code threads},
 * {@code arrays}, {@code collections}, ...) marks its racy lines with {@code // RACE}; run under the
 * agent, the lines named by its reports (current and previous access) must be exactly the marked ones.
 * Programs without a marker are traps (correctly synchronized) and must report nothing.
 *
 * <ul>
 *   <li>A program is a source file with a {@code static void main(}; other files (such as
 *       {@code Racers}) are helpers.</li>
 *   <li>A program that needs a newer JDK than 17 says so on a line of its own,
 *       {@code // REQUIRES-JDK: 21}; it is compiled for release 17 (it reaches the newer APIs
 *       reflectively) and skipped on older JDKs. A program whose JVM needs options (a preview API)
 *       lists them on a line {@code // JVM-ARGS: --enable-preview}.</li>
 *   <li>The target JVM's class path is the test classes plus the libraries of
 *       {@code targets.libraries} (JCTools, Caffeine, Disruptor, Agrona), handed over by the build as
 *       {@code thirdparty.*} properties. Library classes are not checked (the include pattern covers
 *       only the targets), but their synchronization is tracked.</li>
 *   <li>Target JVMs run two at a time ({@code -Dracedet.corpus.parallelism=N} changes it); each
 *       dynamic test waits for its own run. {@code -Dracedet.corpus.quickJit=true} runs them with C1
 *       only, to save CPU.</li>
 *   <li>The {@code realistic} group holds programs of 100 to 300 lines mixing many correctly
 *       synchronized fields with a few marked races; every other group has traps and racy
 *       programs.</li>
 * </ul>
 */
class ValidationSuiteTest {
    private static final String PACKAGE = "dev.racedet.it.targets";
    private static final List<String> LIBRARIES = List.of("thirdparty.jctools", "thirdparty.caffeine",
            "thirdparty.disruptor", "thirdparty.agrona");
    /** Groups the corpus must cover, each with traps and racy programs. */
    private static final List<String> GROUPS = List.of("juc", "atomics", "threads", "jdkmonitors",
            "methodrefs", "arrays", "collections", "libraries");
    /** The group of realistic programs: many correctly synchronized fields and a few marked races each. */
    private static final String REALISTIC = "realistic";

    /**
     * System property: {@code true} runs the target JVMs with C1 only ({@code -XX:TieredStopAtLevel=1}),
     * which halves the CPU the agent's startup costs per JVM. Labels do not depend on the JIT.
     */
    static final String QUICK_JIT = "racedet.corpus.quickJit";

    private static ConcurrentRuns runs;

    @Test
    void suite_has_enough_racy_programs_and_traps() throws IOException {
        List<CorpusTarget> targets = corpus();
        long racy = 0;
        for (CorpusTarget t : targets) {
            racy += Sources.markedLines(t.source()).isEmpty() ? 0 : 1;
        }
        assertTrue(targets.size() >= 180, "only " + targets.size() + " targets");
        assertTrue(racy >= 80 && targets.size() - racy >= 80, racy + " racy of " + targets.size());
        Map<String, List<CorpusTarget>> byGroup = targets.stream()
                .collect(Collectors.groupingBy(t -> t.group(PACKAGE), TreeMap::new, Collectors.toList()));
        for (String group : GROUPS) {
            List<CorpusTarget> members = byGroup.getOrDefault(group, List.of());
            long marked = 0;
            for (CorpusTarget t : members) {
                marked += Sources.markedLines(t.source()).isEmpty() ? 0 : 1;
            }
            assertTrue(marked >= 1 && members.size() - marked >= 1,
                    group + " needs traps and racy programs: " + marked + " racy of " + members.size());
        }
        List<CorpusTarget> realistic = byGroup.getOrDefault(REALISTIC, List.of());
        assertTrue(realistic.size() >= 5, "only " + realistic.size() + " realistic programs");
        for (CorpusTarget t : realistic) {
            long lines = Files.readAllLines(t.source()).size();
            assertTrue(lines >= 100 && lines <= 300, t.simpleName() + " has " + lines + " lines");
            assertTrue(!Sources.markedLines(t.source()).isEmpty(), t.simpleName() + " marks no race");
        }
    }

    @TestFactory
    Stream<DynamicContainer> reported_lines_equal_marked_lines() throws IOException {
        List<CorpusTarget> targets = corpus();
        runs = new ConcurrentRuns();
        List<DynamicContainer> containers = new ArrayList<>();
        for (Jdks.Jdk jdk : Jdks.all()) {
            int feature = jdk.installed() ? JdkVersions.feature(jdk.home()) : 0;
            List<DynamicNode> tests = new ArrayList<>();
            for (CorpusTarget target : targets) {
                boolean runnable = jdk.installed() && feature >= target.requiredJdk();
                Future<AgentRun.Result> run = runnable
                        ? runs.submit(() -> check(jdk, target, new AgentOptions())) : null;
                tests.add(DynamicTest.dynamicTest(target.simpleName(), target.source().toUri(), () -> {
                    Assumptions.assumeTrue(jdk.installed(), jdk + " is not installed");
                    Assumptions.assumeTrue(feature >= target.requiredJdk(),
                            "needs JDK " + target.requiredJdk() + ", " + jdk.label() + " is " + feature);
                    ConcurrentRuns.await(run);
                }));
            }
            containers.add(DynamicContainer.dynamicContainer(jdk.label(), tests));
        }
        return containers.stream();
    }

    @AfterAll
    static void stopRuns() {
        if (runs != null) {
            runs.close();
        }
    }

    /**
     * Runs the target {@code source} with {@code options} (to which the target package and a JSON
     * path are added) and asserts its reported lines equal its marked lines.
     *
     * @return the run, for further checks
     */
    static AgentRun.Result check(Jdks.Jdk jdk, Path source, AgentOptions options) throws Exception {
        Path root = AgentRun.requiredPath("targets.sources");
        return check(jdk, new CorpusTarget(source, CorpusTarget.binaryName(root, source), 17, List.of()),
                options);
    }

    private static AgentRun.Result check(Jdks.Jdk jdk, CorpusTarget target, AgentOptions options) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        run.jvmArgs("-XX:+UnlockDiagnosticVMOptions", "-XX:+BytecodeVerificationLocal");
        run.jvmArgs(target.jvmArgs().toArray(new String[0]));
        if (Boolean.getBoolean(QUICK_JIT)) {
            run.jvmArgs("-XX:TieredStopAtLevel=1");
        }
        AgentRun.Result result = run
                .agent(options.setInclude(PACKAGE + ".*").setJson(run.jsonPath().toString()))
                .runClass(classPath(), target.className());
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(0, Json.integer(result.summary().get("internalErrors")), result::toString);

        String file = target.source().getFileName().toString();
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
        assertEquals(Sources.markedLines(target.source()), reported,
                () -> target.className() + " on " + jdk.label() + "\n" + result);
        return result;
    }

    /** The test classes and the corpus's libraries, as one class path. */
    private static Path classPath() {
        List<String> entries = new ArrayList<>(List.of(AgentRun.requiredPath("targets.classes").toString()));
        for (String library : LIBRARIES) {
            entries.add(AgentRun.requiredPath(library).toString());
        }
        return Path.of(String.join(File.pathSeparator, entries));
    }

    /** Every program of the corpus. */
    static List<CorpusTarget> corpus() throws IOException {
        return CorpusTarget.findAll(AgentRun.requiredPath("targets.sources"), PACKAGE);
    }

    /** The source files of every program of the corpus (for tests that pick some of them). */
    static List<Path> targets() throws IOException {
        return corpus().stream().map(CorpusTarget::source).toList();
    }
}
