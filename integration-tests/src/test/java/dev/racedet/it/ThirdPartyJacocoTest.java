package dev.racedet.it;

import static dev.racedet.it.thirdparty.RaceAssertions.assertHostUnharmed;
import static dev.racedet.it.thirdparty.RaceAssertions.assertRacesExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.thirdparty.Coverage;
import dev.racedet.it.thirdparty.Javac;
import dev.racedet.it.thirdparty.JvmRun;
import dev.racedet.it.thirdparty.ThirdParty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * JaCoCo's agent (from Maven Central) and racedet on one command line, in both orders. JaCoCo
 * identifies a class by a checksum of the bytes it instrumented, so it must see the class file as
 * compiled, whichever agent comes first: the line coverage read back from the {@code .exec} file
 * against the original class files must equal a run without racedet. And racedet must find the
 * program's race, stay silent on its traps and count no internal error, in both orders.
 *
 * <p>The program is compiled twice by the test: for Java 8, where JaCoCo keeps its probe array in a
 * synthetic static field {@code $jacocoData} that it sets lazily (a benign race inside JaCoCo's own
 * code, which must not be reported), and for Java 17, where JaCoCo uses a dynamic constant instead.
 */
class ThirdPartyJacocoTest {
    private static final String PROGRAM = "CoverageProgram";
    private static final String MAIN = ThirdParty.PROGRAMS + "." + PROGRAM;
    private static final Set<String> RACY_FIELDS = Set.of(MAIN + "$Counter.hits");
    private static final String OUTPUT = "tally 20000\n";
    private static final List<Integer> RELEASES = List.of(8, 17);

    /** Class files of the program and its start gate, per release. */
    private static final Map<Integer, Path> CLASSES = new ConcurrentHashMap<>();
    /** Coverage of a run under JaCoCo alone, per JDK label and release, measured once. */
    private static final Map<String, Map<String, Coverage.ClassLines>> BASELINE = new ConcurrentHashMap<>();

    @BeforeAll
    static void compileProgram() throws Exception {
        Path racers = ThirdParty.testSources().resolve("dev/racedet/it/targets/Racers.java");
        for (int release : RELEASES) {
            Path out = Files.createTempDirectory("racedet-jacoco-java" + release);
            Javac.files(List.of(ThirdParty.programSource(PROGRAM), racers), release, out);
            CLASSES.put(release, out);
        }
    }

    @TestFactory
    Stream<DynamicTest> jacoco_listed_before_racedet_keeps_coverage_and_race_is_found() {
        return RELEASES.stream().flatMap(release -> ThirdParty.onEveryJdk("java" + release + " classes on ",
                jdk -> check(jdk, release, true)));
    }

    @TestFactory
    Stream<DynamicTest> jacoco_listed_after_racedet_keeps_coverage_and_race_is_found() {
        return RELEASES.stream().flatMap(release -> ThirdParty.onEveryJdk("java" + release + " classes on ",
                jdk -> check(jdk, release, false)));
    }

    private static void check(Jdks.Jdk jdk, int release, boolean jacocoFirst) throws Exception {
        JvmRun run = JvmRun.on(jdk);
        Path exec = run.directory().resolve("jacoco.exec");
        if (jacocoFirst) {
            run.args(jacocoAgent(exec)).racedet();
        } else {
            run.racedet().args(jacocoAgent(exec));
        }
        AgentRun.Result result = run.classPath(CLASSES.get(release)).args(MAIN).run();

        assertHostUnharmed(result);
        assertEquals(OUTPUT, result.stdout(), result::toString);
        assertRacesExactly(result, RACY_FIELDS, ThirdParty.programSource(PROGRAM));
        Map<String, Coverage.ClassLines> coverage = coverage(exec, release);
        coverage.forEach((name, lines) -> assertFalse(lines.noMatch(),
                name + ": execution data does not match the class file " + coverage));
        assertTrue(coverage.get(MAIN).covered() > 0, coverage::toString);
        assertEquals(baseline(jdk, release), coverage, "coverage with racedet vs JaCoCo alone");
    }

    private static Map<String, Coverage.ClassLines> baseline(Jdks.Jdk jdk, int release) throws Exception {
        String key = jdk.label() + "/" + release;
        Map<String, Coverage.ClassLines> known = BASELINE.get(key);
        if (known == null) {
            JvmRun run = JvmRun.on(jdk);
            Path exec = run.directory().resolve("jacoco.exec");
            AgentRun.Result result = run.args(jacocoAgent(exec)).classPath(CLASSES.get(release)).args(MAIN).run();
            assertEquals(0, result.exitCode(), result::toString);
            assertEquals(OUTPUT, result.stdout(), result::toString);
            known = coverage(exec, release);
            assertTrue(known.get(MAIN).covered() > 0, known::toString);
            BASELINE.put(key, known);
        }
        return known;
    }

    private static String jacocoAgent(Path exec) {
        return "-javaagent:" + ThirdParty.jar("jacocoagent") + "=destfile=" + exec;
    }

    private static Map<String, Coverage.ClassLines> coverage(Path exec, int release) throws Exception {
        return Coverage.lines(exec, CLASSES.get(release).resolve(ThirdParty.PROGRAMS.replace('.', '/')), PROGRAM);
    }
}
