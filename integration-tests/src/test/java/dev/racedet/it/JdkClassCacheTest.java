package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code cache} option: JDK classes racedet instrumented are saved per JDK and racedet build and
 * reused by the next JVM, which must then analyze exactly as the first one did; the directory is
 * private to the user, and a directory others can write is never used.
 */
class JdkClassCacheTest {
    /** A lost update between racers released by a CountDownLatch and joined: JDK synchronization throughout. */
    private static final String TARGET = "dev.racedet.it.targets.IncrementLoopRace";

    @ParameterizedTest
    @MethodSource("dev.racedet.it.support.Jdks#installed")
    void second_jvm_reuses_the_saved_jdk_classes_and_reports_the_same_races(Jdks.Jdk jdk) throws Exception {
        Path cache = Files.createTempDirectory("racedet-cache").resolve("cache");
        AgentRun.Result first = run(jdk, cache);
        List<Path> saved = snapshots(cache);
        assertEquals(1, saved.size(), () -> "one snapshot for one JDK and build: " + saved);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        long size = Files.size(saved.get(0));

        AgentRun.Result second = run(jdk, cache);
        assertEquals(fields(first), fields(second), second::toString);
        assertTrue(!fields(second).isEmpty(), "the target races: " + second);
        assertEquals(saved, snapshots(cache));
        assertTrue(Files.size(saved.get(0)) >= size, "nothing is dropped from the snapshot");
    }

    @ParameterizedTest
    @MethodSource("dev.racedet.it.support.Jdks#installed")
    void a_directory_others_can_write_is_not_used(Jdks.Jdk jdk) throws Exception {
        Path shared = Files.createTempDirectory("racedet-shared");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        AgentRun.Result result = run(jdk, shared);
        assertTrue(!fields(result).isEmpty(), result::toString);
        assertEquals(List.of(), snapshots(shared), "nothing written where others could replace it");
    }

    private static AgentRun.Result run(Jdks.Jdk jdk, Path cache) throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.targets.*")
                        .setJson(run.jsonPath().toString()).setCache(cache.toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), TARGET);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(0, Json.integer(result.summary().get("internalErrors")), result::toString);
        return result;
    }

    private static List<String> fields(AgentRun.Result result) throws Exception {
        return result.races().stream().map((Map<String, Object> race) -> Json.string(race.get("field")))
                .sorted().toList();
    }

    private static List<Path> snapshots(Path cache) throws Exception {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".classes")).sorted().toList();
        }
    }
}
