package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import dev.racedet.it.support.RunningTarget;
import dev.racedet.it.support.RunningTarget.Launch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void a_thread_started_before_attach_and_data_published_before_it_are_ordered_after_it(Jdks.Jdk jdk)
            throws Exception {
        assertNoRacesAcrossAttach(jdk, "started,published");
    }

    /**
     * Known false report: the monitor is released by a frame that was already running when racedet
     * arrived, so it keeps running the original code and the release is never seen. Needs the
     * engine change described in the attach notes (an acquire of a monitor racedet never saw
     * released, in an attached JVM, joins the clocks of the threads alive at attach).
     */
    @org.junit.jupiter.api.Disabled("known false report across the attach point: a monitor entered before attach and"
            + " left after it, by a frame that still runs the original code; needs the engine change in the attach notes")
    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void a_monitor_entered_before_attach_and_left_after_it_orders_the_accesses_inside(Jdks.Jdk jdk) throws Exception {
        assertNoRacesAcrossAttach(jdk, "lock");
    }

    private static void assertNoRacesAcrossAttach(Jdks.Jdk jdk, String traps) throws Exception {
        try (RunningTarget target = RunningTarget.start(jdk, TARGETS + "AttachTraps", "-XX:+EnableDynamicAgentLoading",
                "-Dtraps=" + traps)) {
            target.expect("ready");
            Path terminal = Files.createTempDirectory("racedet-terminal");
            String pid = Long.toString(target.pid());
            Launch attach = RunningTarget.launcher(jdk, terminal, "attach", pid, "json=report.json");
            assertEquals(0, attach.exitCode(), attach::toString);

            target.send("go");
            target.expect("done");
            Launch detach = RunningTarget.launcher(jdk, terminal, "detach", pid);
            assertEquals(0, detach.exitCode(), detach::toString);
            target.send("end");
            assertEquals(0, target.awaitExit(), target::toString);

            assertEquals(Map.of(), racesByField(terminal.resolve("report.json")), target::toString);
            assertFalse(target.stderr().contains(DYNAMIC_AGENT_WARNING), "the flag silences JEP 451's warning");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void a_bad_option_fails_in_the_terminal_and_duration_detaches_by_itself(Jdks.Jdk jdk) throws Exception {
        try (RunningTarget target = RunningTarget.start(jdk, TARGETS + "RacyAfterAttach")) {
            target.expect("ready");
            Path terminal = Files.createTempDirectory("racedet-terminal");
            String pid = Long.toString(target.pid());

            Launch bad = RunningTarget.launcher(jdk, terminal, "attach", pid, "json=report.json,colour=red");
            assertEquals(2, bad.exitCode(), bad::toString);
            assertEquals(1, bad.stderr().lines().count(), bad::toString);
            assertTrue(bad.stderr().startsWith("racedet: unknown option 'colour'"), bad::toString);
            Launch badDuration = RunningTarget.launcher(jdk, terminal, "attach", pid, "duration=5 minutes");
            assertEquals(2, badDuration.exitCode(), badDuration::toString);
            assertEquals(1, badDuration.stderr().lines().count(), badDuration::toString);
            assertEquals("", target.stderr(), "the target was not touched");

            Launch attach = RunningTarget.launcher(jdk, terminal, "attach", pid, "json=report.json", "duration=1ms");
            assertEquals(0, attach.exitCode(), attach::toString);
            target.awaitStderrLine("racedet: detached after 'duration'");
            target.send("go");
            target.expectStartingWith("members ");
            target.expect("raced");
            target.send("detached");
            target.expect("done");
            target.send("end");
            assertEquals(0, target.awaitExit(), target::toString);
            assertEquals(Map.of(), racesByField(terminal.resolve("report.json")),
                    "detached before the racy phase\n" + target);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void a_javaagent_session_is_neither_attached_again_nor_detached_and_rejects_duration(Jdks.Jdk jdk)
            throws Exception {
        Path terminal = Files.createTempDirectory("racedet-terminal");
        Path json = terminal.resolve("report.json");
        try (RunningTarget target = RunningTarget.start(jdk, TARGETS + "RacyAfterAttach",
                new AgentOptions().setJson(json.toString()).toJavaAgentArgument(AgentRun.agentJar().toString()))) {
            target.expect("ready");
            String pid = Long.toString(target.pid());
            Launch attach = RunningTarget.launcher(jdk, terminal, "attach", pid, "json=other.json");
            assertEquals(1, attach.exitCode(), attach::toString);
            assertEquals(List.of("racedet: already running in this JVM (started with -javaagent; nothing changed)"),
                    attach.stderr().lines().toList());
            Launch detach = RunningTarget.launcher(jdk, terminal, "detach", pid);
            assertEquals(1, detach.exitCode(), detach::toString);
            assertEquals(List.of("racedet: not attached to this JVM (a -javaagent session cannot be detached)"),
                    detach.stderr().lines().toList());
            target.send("go");
            target.expectStartingWith("members ");
            target.expect("raced");
            target.send("detached");
            target.expect("done");
            target.send("end");
            assertEquals(0, target.awaitExit(), target::toString);
            assertEquals(Set.of("count", "value", "afterDetach"), racesByField(json).keySet().stream()
                    .map(f -> f.substring(f.lastIndexOf('.') + 1)).collect(Collectors.toSet()), target::toString);
        }

        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result withDuration = run.agent(new AgentOptions().setDuration("5m"))
                .runClass(AgentRun.requiredPath("targets.classes"), "dev.racedet.it.programs.NoRaces");
        assertEquals(1, withDuration.exitCode(), withDuration::toString);
        assertEquals(List.of("racedet: could not start: option 'duration' applies to 'java -jar racedet.jar attach <pid>'"
                + " only: a -javaagent session lasts until the JVM exits"), withDuration.stderr().lines()
                .filter(l -> !l.contains("Sharing is only supported")).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void list_attach_and_detach_need_the_jdk_attach_module(Jdks.Jdk jdk) throws Exception {
        Path terminal = Files.createTempDirectory("racedet-terminal");
        for (String command : List.of("list", "detach 1")) {
            List<String> args = new java.util.ArrayList<>(List.of("--limit-modules", "java.base,java.instrument",
                    "-jar", AgentRun.agentJar().toString()));
            args.addAll(List.of(command.split(" ")));
            Launch noAttach = RunningTarget.java(jdk, terminal, args);
            assertEquals(1, noAttach.exitCode(), noAttach::toString);
            assertEquals(1, noAttach.stderr().lines().count(), noAttach::toString);
            assertTrue(noAttach.stderr().contains("has no jdk.attach module"), noAttach::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void attach_and_detach_under_a_busy_pool_report_nothing_and_break_nothing(Jdks.Jdk jdk) throws Exception {
        try (RunningTarget target = RunningTarget.start(jdk, TARGETS + "BusyWhileAttached",
                "-XX:+EnableDynamicAgentLoading")) {
            target.expect("ready");
            Path terminal = Files.createTempDirectory("racedet-terminal");
            String pid = Long.toString(target.pid());
            Launch attach = RunningTarget.launcher(jdk, terminal, "attach", pid, "json=report.json");
            assertEquals(0, attach.exitCode(), attach::toString);
            target.send("go");
            target.expect("running");
            Launch detach = RunningTarget.launcher(jdk, terminal, "detach", pid);
            assertEquals(0, detach.exitCode(), detach::toString);
            target.send("stop");
            assertTrue(Long.parseLong(target.expectStartingWith("ok ")) > 0, target::toString);
            target.send("end");
            assertEquals(0, target.awaitExit(), target::toString);
            Map<String, Object> report = Json.object(Json.parse(Files.readString(terminal.resolve("report.json"),
                    StandardCharsets.UTF_8)));
            assertEquals(List.of(), Json.array(report.get("races")), target::toString);
            assertEquals(0L, Json.integer(Json.object(report.get("summary")).get("internalErrors")), target::toString);
        }
    }

    @org.junit.jupiter.api.Test
    void attach_to_a_process_that_is_no_jvm_refuses_without_signalling_it() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "300").start();
        try {
            Path terminal = Files.createTempDirectory("racedet-terminal");
            Launch attach = RunningTarget.launcher(Jdks.current(), terminal, "attach", Long.toString(sleeper.pid()));
            assertEquals(1, attach.exitCode(), attach::toString);
            assertEquals(List.of("racedet: no attachable JVM with pid " + sleeper.pid()
                    + " (java -jar racedet.jar list shows them)"), attach.stderr().lines().toList());
            assertTrue(sleeper.isAlive(), "a SIGQUIT would have ended it");
        } finally {
            sleeper.destroyForcibly();
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
