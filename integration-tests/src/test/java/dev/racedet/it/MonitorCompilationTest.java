package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.monitors.HotSynchronizedBlock;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Methods holding a {@code synchronized} block stay JIT-compilable under the agent: HotSpot refuses to
 * compile a method in which an instruction that can throw while a monitor is held is not covered by a
 * handler that releases it ("non-empty monitor stack at exceptional exit", JDK 25: "unbalanced
 * monitors"), which the monitor hooks once caused. Read from {@code -XX:+PrintCompilation}.
 */
class MonitorCompilationTest {
    private static final String CLASS = HotSynchronizedBlock.class.getName();
    /** A PrintCompilation line: timestamp, compile id, attribute flags, tier, method, and the rest. */
    private static final Pattern LINE = Pattern.compile("^\\s*\\d+\\s+\\d+\\s+[%sbn! ]*?([0-4])\\s+(\\S+::\\S+)(.*)$");


    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void methods_with_synchronized_blocks_are_compiled_at_the_last_tier(Jdks.Jdk jdk) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(new AgentOptions())
                .jvmArgs("-Xbatch", "-XX:+PrintCompilation")
                .runClass(Path.of(System.getProperty("targets.classes")), CLASS);

        assertEquals(0, result.exitCode(), result::toString);
        for (String method : List.of("add", "current")) {
            String name = CLASS + "::" + method;
            List<Matcher> lines = result.stdout().lines().map(LINE::matcher).filter(Matcher::matches)
                    .filter(m -> m.group(2).equals(name)).toList();
            assertTrue(lines.stream().noneMatch(m -> m.group(3).contains("COMPILE SKIPPED")),
                    () -> name + " was refused by the JIT:\n" + result);
            assertTrue(lines.stream().anyMatch(m -> m.group(1).equals("4")),
                    () -> name + " never reached tier 4:\n" + result);
        }
    }
}
