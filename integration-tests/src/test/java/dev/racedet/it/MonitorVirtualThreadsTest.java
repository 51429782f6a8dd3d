package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.monitors.ManyVirtualThreadsOneMonitor;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Many virtual threads entering one monitor under the agent on JDK 25. The original monitor hooks made
 * such methods "unbalanced" for HotSpot, and with continuations (virtual threads) the JVM died with
 * SIGSEGV in the GC. 30,000 threads by default; {@code -Dracedet.scale=full} runs the 100,000 of the report.
 */
class MonitorVirtualThreadsTest {

    @Test
    void many_virtual_threads_entering_one_monitor_do_not_crash_the_jvm() throws Exception {
        Jdks.Jdk jdk = Jdks.all().stream().filter(j -> j.label().equals("jdk25") || Runtime.version().feature() >= 21)
                .filter(Jdks.Jdk::installed).findFirst().orElse(null);
        Assumptions.assumeTrue(jdk != null, "needs a JDK 21+ installation");
        int threads = "full".equals(System.getProperty("racedet.scale")) ? 100_000 : 30_000;
        AgentRun run = AgentRun.on(jdk.home());

        // A small young generation: many more collections while virtual threads are unmounted, where the
        // original jar crashed (30,000 threads: 4 crashes in 4 runs with it, 2 in 3 without it).
        AgentRun.Result result = run.agent(new AgentOptions().setJson(run.jsonPath().toString())).jvmArgs("-Xmn16m")
                .runClass(Path.of(System.getProperty("targets.classes")), ManyVirtualThreadsOneMonitor.class.getName(),
                        Integer.toString(threads));

        try (Stream<Path> files = Files.list(run.directory())) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith("hs_err")).count(),
                    () -> "the JVM crashed:\n" + result);
        }
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("entered " + threads + "\n", result.stdout(), result::toString);
        assertEquals(List.of(), result.races(), "every entry is under the one lock"); // the original jar reported one
    }
}
