package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Clocks never wrap into a wrong answer: with the diagnostic option {@code clockLimit=16} every thread
 * reaches the clock limit within microseconds and moves to fresh clock slots again and again, and
 * validation targets built on busy locks, volatiles, wait/notify and thread start/join still report
 * exactly their marked lines. The JSON's {@code clockSlots} shows the rollover really happened.
 */
class ClockRolloverTest {
    private static final long LIMIT = 16;
    /** Targets that synchronize in loops: their threads reach the limit many times. */
    private static final Set<String> BUSY = Set.of("SameLockTrap", "VolatileTurnTakingTrap",
            "WaitNotifyHandshakeTrap", "ReentrantLockTrap", "DifferentLocksRace");
    private static final Set<String> TARGETS = union(BUSY, Set.of("JoinEdgeTrap", "ReusedThreadSlotRace",
            "GuardedAndUnguardedRace", "VolatileAndPlainRace"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    @TestFactory
    Stream<DynamicContainer> targets_report_their_marked_lines_when_clocks_roll_over_constantly() throws Exception {
        List<Path> targets = ValidationSuiteTest.targets().stream()
                .filter(p -> TARGETS.contains(p.getFileName().toString().replace(".java", ""))).toList();
        assertTrue(targets.size() == TARGETS.size(), "all targets found: " + targets);
        return Jdks.all().stream().map(jdk -> DynamicContainer.dynamicContainer(jdk.label(),
                targets.stream().map(source -> DynamicTest.dynamicTest(source.getFileName().toString(), () -> {
                    Assumptions.assumeTrue(jdk.installed(), jdk + " is not installed");
                    AgentRun.Result result = ValidationSuiteTest.check(jdk, source,
                            new AgentOptions().setClockLimit(LIMIT));
                    long slots = Json.integer(result.summary().get("clockSlots"));
                    if (BUSY.contains(source.getFileName().toString().replace(".java", ""))) {
                        assertTrue(slots > 8, "threads moved to fresh slots at the limit: " + slots + " slots");
                    }
                }))));
    }
}
