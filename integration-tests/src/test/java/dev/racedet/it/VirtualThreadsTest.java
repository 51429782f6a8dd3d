package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import dev.racedet.it.support.Sources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Threads started inside the JDK (JDK 21+ {@code Thread.startVirtualThread}, {@code Thread.Builder})
 * get the same start edge as {@code Thread.start}. The program needs JDK 21+, so it is compiled and
 * run on the JDK 25 the suite knows about; the test is skipped where that JDK is not installed.
 */
class VirtualThreadsTest {

    @Test
    void builder_and_virtual_thread_starts_order_the_caller_before_the_task() throws Exception {
        Jdks.Jdk jdk = Runtime.version().feature() >= 21 ? Jdks.current()
                : Jdks.all().stream().filter(j -> j.label().equals("jdk25")).findFirst().orElse(Jdks.current());
        Assumptions.assumeTrue(jdk.installed() && !jdk.equals(Jdks.current()) || Runtime.version().feature() >= 21,
                "needs a JDK 21+ installation");
        Path source = AgentRun.requiredPath("jdk21.sources").resolve("VirtualThreads.java");
        AgentRun run = AgentRun.on(jdk.home());
        Path classes = Files.createDirectories(run.directory().resolve("classes"));
        Process javac = new ProcessBuilder(jdk.home().resolve("bin/javac").toString(), "-d", classes.toString(),
                source.toString()).inheritIO().start();
        assertEquals(0, javac.waitFor(), "javac failed");

        AgentRun.Result result = run.agent(new AgentOptions().setJson(run.jsonPath().toString()))
                .runClass(classes, "VirtualThreads");

        assertEquals(0, result.exitCode(), result::toString);
        Set<Integer> reported = new TreeSet<>();
        for (Map<String, Object> race : result.races()) {
            for (String side : new String[] {"access", "previous"}) {
                Map<String, Object> access = Json.object(race.get(side));
                reported.add(Sources.Frame.parse(Json.string(access.get("location"))).line());
                assertTrue(!Json.string(access.get("thread")).isEmpty(), "threads have names: " + race);
                assertTrue(Json.array(access.get("stack")).stream()
                        .noneMatch(frame -> Json.string(frame).startsWith("dev.racedet.")), "no racedet frames: " + race);
            }
        }
        assertEquals(Sources.markedLines(source), reported, result::toString);
    }
}
