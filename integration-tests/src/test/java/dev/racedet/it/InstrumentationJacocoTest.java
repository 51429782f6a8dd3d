package dev.racedet.it;

import static dev.racedet.it.instrumentation.InstrumentationRuns.PACKAGE;
import static dev.racedet.it.instrumentation.InstrumentationRuns.copyClasses;
import static dev.racedet.it.instrumentation.InstrumentationRuns.internalErrors;
import static dev.racedet.it.instrumentation.InstrumentationRuns.newDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.instrumentation.JacocoExec;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Smoke check of the transformer order with JaCoCo's agent (retransformation-incapable, so it runs
 * before racedet whatever the order of the {@code -javaagent} flags): in both orders JaCoCo must
 * compute the same class id as without racedet (it saw the original bytes) and record hit probes.
 * Uses the JaCoCo runtime agent the build resolved from Maven Central (the {@code thirdparty.jacocoagent}
 * path set by the POM). The full JaCoCo, Mockito and Spring Boot checks are the ThirdParty tests.
 */
class InstrumentationJacocoTest {
    private static final String PROGRAM = "dev/racedet/it/instrumentation/Covered";

    @TestFactory
    Iterable<DynamicTest> jacoco_sees_original_bytes_whether_listed_before_or_after_racedet() {
        Path jacoco = AgentRun.requiredPath("thirdparty.jacocoagent");
        return Jdks.all().stream().map(jdk -> DynamicTest.dynamicTest(jdk.label(), () -> {
            Path app = copyClasses(newDirectory("app"), PACKAGE + ".Covered", "dev.racedet.it.targets.Racers");
            JacocoExec.ClassData alone = coverage(jdk, jacoco, app, null).data();
            assertTrue(alone.probesHit() > 0, "coverage without racedet: " + alone);

            for (boolean racedetFirst : List.of(true, false)) {
                Run both = coverage(jdk, jacoco, app, racedetFirst);
                assertEquals(alone, both.data(), "racedet listed " + (racedetFirst ? "before" : "after") + " JaCoCo");
                // JaCoCo's $jacocoData is initialized lazily with a benign race: synthetic, never checked.
                assertEquals(1, both.result().races().size(), both.result()::toString);
                assertEquals(0, internalErrors(both.result()), both.result()::toString);
            }
        })).toList();
    }

    private record Run(JacocoExec.ClassData data, AgentRun.Result result) {
    }

    /** Runs the program with JaCoCo (and racedet before or after it, or not at all if null). */
    private static Run coverage(Jdks.Jdk jdk, Path jacoco, Path app, Boolean racedetFirst)
            throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        Path exec = run.directory().resolve("jacoco.exec");
        String jacocoArg = "-javaagent:" + jacoco + "=destfile=" + exec + ",includes=dev.racedet.it.instrumentation.*";
        String racedetArg = new AgentOptions().setJson(run.jsonPath().toString())
                .toJavaAgentArgument(AgentRun.agentJar().toString());
        if (racedetFirst == null) {
            run.jvmArgs(jacocoArg);
        } else if (racedetFirst) {
            run.jvmArgs(racedetArg, jacocoArg);
        } else {
            run.jvmArgs(jacocoArg, racedetArg);
        }
        AgentRun.Result result = run.runClass(app, PACKAGE + ".Covered");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("covered\n", result.stdout(), result::toString);
        JacocoExec.ClassData data = JacocoExec.read(exec).get(PROGRAM);
        assertNotNull(data, "no execution data for " + PROGRAM);
        return new Run(data, result);
    }
}
