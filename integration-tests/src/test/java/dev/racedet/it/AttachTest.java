package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import dev.racedet.it.support.RunningTarget;
import dev.racedet.it.support.RunningTarget.Launch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code java -jar racedet.jar list | attach <pid> [options] | detach <pid>} on running JVMs the test
 * starts ({@link RunningTarget}): the target waits on standard input before each phase, so the test
 * attaches and detaches at known points. Reports are read from the JSON file the attach named.
 */
class AttachTest {
    private static final String TARGETS = "dev.racedet.it.attach.";
    private static final String DYNAMIC_AGENT_WARNING = "WARNING: A Java agent has been loaded dynamically";

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void attach_reports_races_on_objects_created_before_it_and_detach_restores_the_original_code(Jdks.Jdk jdk)
            throws Exception {
        try (RunningTarget target = RunningTarget.start(jdk, TARGETS + "RacyAfterAttach")) {
            target.expect("ready");
            Path terminal = Files.createTempDirectory("racedet-terminal");
            String pid = Long.toString(target.pid());

            Launch list = RunningTarget.launcher(jdk, terminal, "list");
            assertEquals(0, list.exitCode(), list::toString);
            assertTrue(list.stdout().lines().anyMatch(l -> l.equals(pid + " " + TARGETS + "RacyAfterAttach")),
                    "list shows the target's pid and main class\n" + list);

            // a relative path names a file in the attaching terminal's directory, not the target's
            Launch attach = RunningTarget.launcher(jdk, terminal, "attach", pid, "json=report.json",
                    "include=" + TARGETS + "*");
            assertEquals(0, attach.exitCode(), attach::toString);
            assertTrue(attach.stdout().startsWith("racedet: attached ("), attach::toString);
            Launch again = RunningTarget.launcher(jdk, terminal, "attach", pid, "json=other.json");
            assertEquals(1, again.exitCode(), again::toString);
            assertEquals(List.of("racedet: already attached to this JVM (nothing changed)"), again.stderr().lines().toList());
            assertFalse(Files.exists(terminal.resolve("other.json")), "the second attach changed nothing");

            target.send("go");
            assertEquals("value", target.expectStartingWith("members "),
                    "a class first loaded after attaching gets no member: detaching must restore it");
            target.expect("raced");
            Launch detach = RunningTarget.launcher(jdk, terminal, "detach", pid);
            assertEquals(0, detach.exitCode(), detach::toString);
            Map<String, Long> atDetach = racesByField(terminal.resolve("report.json"));

            target.send("detached");
            target.expect("done");
            target.send("end");
            assertEquals(0, target.awaitExit(), target::toString);

            Map<String, Long> expected = Map.of(TARGETS + "RacyAfterAttach.count", 1L,
                    TARGETS + "RacyAfterAttach$LoadedAfterAttach.value", 1L);
            assertEquals(expected, atDetach, "races at detach\n" + target);
            assertEquals(expected, racesByField(terminal.resolve("report.json")),
                    "the race after detaching ran original code: not reported\n" + target);
            String stderr = target.stderr();
            assertTrue(stderr.contains("WARNING: racedet: data race on field " + TARGETS + "RacyAfterAttach.count"),
                    target::toString);
            assertTrue(stderr.lines().anyMatch(l -> l.startsWith("racedet: 2 races on 2 fields (")
                    && l.endsWith(" (detached)")), "detach prints the summary\n" + target);
            assertEquals(feature(jdk) >= 21, stderr.contains(DYNAMIC_AGENT_WARNING),
                    "JEP 451's warning from JDK 21 on, without -XX:+EnableDynamicAgentLoading\n" + target);
        }
    }

    private static int feature(Jdks.Jdk jdk) {
        return Integer.parseInt(jdk.label().substring("jdk".length()));
    }

    private static Map<String, Long> racesByField(Path json) throws Exception {
        List<Object> races = Json.array(Json.object(Json.parse(Files.readString(json, StandardCharsets.UTF_8))).get("races"));
        return races.stream().map(Json::object).collect(Collectors.toMap(r -> Json.string(r.get("field")),
                r -> 1L, Long::sum));
    }
}
