package dev.racedet.it;

import static dev.racedet.it.thirdparty.RaceAssertions.assertHostUnharmed;
import static dev.racedet.it.thirdparty.RaceAssertions.assertRacesExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.thirdparty.Coverage;
import dev.racedet.it.thirdparty.JvmRun;
import dev.racedet.it.thirdparty.ThirdParty;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * JaCoCo's agent (from Maven Central) and racedet on one command line, in both orders. JaCoCo
 * identifies a class by a checksum of the bytes it instrumented, so it must see the class file as
 * compiled, whichever agent comes first: the line coverage read back from the {@code .exec} file
 * against the original class files must equal a run without racedet. And racedet must find the
 * program's race, stay silent on its traps (including JaCoCo's own {@code $jacocoData}) and count
 * no internal error, in both orders.
 */
class ThirdPartyJacocoTest {
    private static final String PROGRAM = "CoverageProgram";
    private static final String MAIN = ThirdParty.PROGRAMS + "." + PROGRAM;
    private static final Set<String> RACY_FIELDS = Set.of(MAIN + "$Counter.hits");
    private static final String OUTPUT = "tally 20000\n";

    /** Coverage of a run under JaCoCo alone, per JDK label, measured once. */
    private static final Map<String, Map<String, Coverage.ClassLines>> BASELINE = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> jacoco_listed_before_racedet_keeps_coverage_and_race_is_found() {
        return ThirdParty.onEveryJdk(jdk -> check(jdk, true));
    }

    @TestFactory
    Stream<DynamicTest> jacoco_listed_after_racedet_keeps_coverage_and_race_is_found() {
        return ThirdParty.onEveryJdk(jdk -> check(jdk, false));
    }

    private static void check(Jdks.Jdk jdk, boolean jacocoFirst) throws Exception {
        JvmRun run = JvmRun.on(jdk);
        Path exec = run.directory().resolve("jacoco.exec");
        if (jacocoFirst) {
            run.args(jacocoAgent(exec)).racedet();
        } else {
            run.racedet().args(jacocoAgent(exec));
        }
        AgentRun.Result result = run.classPath(ThirdParty.testClasses()).args(MAIN).run();

        assertHostUnharmed(result);
        assertEquals(OUTPUT, result.stdout(), result::toString);
        assertRacesExactly(result, RACY_FIELDS, ThirdParty.programSource(PROGRAM));
        Map<String, Coverage.ClassLines> coverage = coverage(exec);
        coverage.forEach((name, lines) -> assertFalse(lines.noMatch(),
                name + ": execution data does not match the class file " + coverage));
        assertTrue(coverage.get(MAIN).covered() > 0, coverage::toString);
        assertEquals(baseline(jdk), coverage, "coverage with racedet vs JaCoCo alone");
    }

    private static Map<String, Coverage.ClassLines> baseline(Jdks.Jdk jdk) throws Exception {
        Map<String, Coverage.ClassLines> known = BASELINE.get(jdk.label());
        if (known == null) {
            JvmRun run = JvmRun.on(jdk);
            Path exec = run.directory().resolve("jacoco.exec");
            AgentRun.Result result = run.args(jacocoAgent(exec)).classPath(ThirdParty.testClasses()).args(MAIN).run();
            assertEquals(0, result.exitCode(), result::toString);
            assertEquals(OUTPUT, result.stdout(), result::toString);
            known = coverage(exec);
            assertTrue(known.get(MAIN).covered() > 0, known::toString);
            BASELINE.put(jdk.label(), known);
        }
        return known;
    }

    private static String jacocoAgent(Path exec) {
        return "-javaagent:" + ThirdParty.jar("jacocoagent") + "=destfile=" + exec;
    }

    private static Map<String, Coverage.ClassLines> coverage(Path exec) throws Exception {
        return Coverage.lines(exec, ThirdParty.testClasses().resolve(ThirdParty.PROGRAMS.replace('.', '/')), PROGRAM);
    }
}
