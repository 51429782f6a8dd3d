package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.monitors.DeepSynchronizedRecursion;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A program that runs into {@code StackOverflowError} with {@code synchronized} in every frame and
 * catches it behaves the same with and without the agent: with the stack nearly exhausted the hooks are
 * skipped instead of throwing, no monitor stays held or is released twice (no
 * {@code IllegalMonitorStateException}), and racedet still writes its summary and JSON report at exit.
 */
class StackOverflowSynchronizedTest {
    private static final Pattern SUMMARY =
            Pattern.compile("racedet: \\d+ races? on \\d+ fields? \\(\\d+ repeats?\\), \\d+ internal errors?"
                    + "(, \\d+ events? skipped \\(stack or heap exhausted\\))?");

    private static final String MAIN = DeepSynchronizedRecursion.class.getName();


    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void overflowing_synchronized_recursion_behaves_as_without_the_agent(Jdks.Jdk jdk) throws Exception {
        AgentRun.Result plain = AgentRun.on(jdk.home()).runClass(classes(), MAIN);
        AgentRun.Result agent = runWithAgent(jdk);

        assertEquals(0, plain.exitCode(), plain::toString);
        assertTrue(plain.stdout().startsWith("caught 20 of 20, still holding a monitor false, sum "),
                plain::toString);
        assertEquals(0, agent.exitCode(), agent::toString);
        assertEquals(plain.stdout(), agent.stdout(), agent::toString);
        assertFalse(agent.stderr().contains("IllegalMonitorStateException"), agent::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void overflowing_synchronized_recursion_keeps_the_summary_and_the_json_report(Jdks.Jdk jdk) throws Exception {
        AgentRun.Result agent = runWithAgent(jdk);

        assertEquals(0, agent.exitCode(), agent::toString);
        assertFalse(agent.stderr().contains("NoClassDefFoundError"), agent::toString);
        assertTrue(agent.stderr().lines().anyMatch(line -> SUMMARY.matcher(line).matches()),
                () -> "no summary line:\n" + agent);
        agent.summary(); // the JSON report was written and parses
    }

    private static AgentRun.Result runWithAgent(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        return run.agent(new AgentOptions().setJson(run.jsonPath().toString())).runClass(classes(), MAIN);
    }

    private static Path classes() {
        return Path.of(System.getProperty("targets.classes"));
    }
}
