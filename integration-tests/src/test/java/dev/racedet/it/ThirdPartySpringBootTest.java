package dev.racedet.it;

import static dev.racedet.it.thirdparty.RaceAssertions.assertHostUnharmed;
import static dev.racedet.it.thirdparty.RaceAssertions.assertRacesExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import dev.racedet.it.thirdparty.FatJar;
import dev.racedet.it.thirdparty.JvmRun;
import dev.racedet.it.thirdparty.ThirdParty;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code java -javaagent:racedet.jar -jar app.jar} on an executable jar in Spring Boot's layout,
 * launched by the real {@code spring-boot-loader} from Maven Central: the application's classes
 * load from {@code BOOT-INF/classes} and commons-lang3 from a nested jar in {@code BOOT-INF/lib},
 * through Spring Boot's own class loader. racedet must find the races in the application's code,
 * including one on a public field of the nested library's class, and one between a daemon thread
 * and an application shutdown hook, which happens while the JVM shuts down: that one must reach the
 * JSON report and the summary line too.
 */
class ThirdPartySpringBootTest {
    private static final String PROGRAM = "BootProgram";
    private static final String MAIN = ThirdParty.PROGRAMS + "." + PROGRAM;
    private static final Set<String> RACY_FIELDS = Set.of(MAIN + "$Stats.requests", MAIN + "$Heartbeat.beats",
            "org.apache.commons.lang3.tuple.MutablePair.left");
    private static final Pattern SUMMARY = Pattern.compile("racedet: (\\d+) races? on (\\d+) fields?.*");

    @TestFactory
    Stream<DynamicTest> races_in_boot_jar_classes_nested_library_and_shutdown_hook_are_reported() {
        return ThirdParty.onEveryJdk(ThirdPartySpringBootTest::check);
    }

    private static void check(Jdks.Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk);
        Path app = run.directory().resolve("app.jar");
        String programs = ThirdParty.PROGRAMS.replace('.', '/') + "/" + PROGRAM;
        FatJar.write(app, MAIN, ThirdParty.jar("springbootloader"), ThirdParty.testClasses(),
                Set.of(programs, "dev/racedet/it/targets/Racers"), ThirdParty.jar("commonslang3"));

        AgentRun.Result result = run.racedet().args("-jar", app.toString()).run();

        assertHostUnharmed(result);
        assertEquals("served 10000\n", result.stdout(), result::toString);
        assertRacesExactly(result, RACY_FIELDS, ThirdParty.programSource(PROGRAM));
        assertSummaryLineMatchesJson(result);
    }

    /** The last summary line on stderr counts what the JSON report lists. */
    private static void assertSummaryLineMatchesJson(AgentRun.Result result) throws Exception {
        List<String> summaries = result.stderr().lines().filter(l -> SUMMARY.matcher(l).matches()).toList();
        assertTrue(!summaries.isEmpty(), result::toString);
        Matcher last = SUMMARY.matcher(summaries.get(summaries.size() - 1));
        assertTrue(last.matches());
        Map<String, Object> summary = result.summary();
        assertEquals(Json.integer(summary.get("races")), Long.parseLong(last.group(1)), result::toString);
        assertEquals(RACY_FIELDS.size(), Long.parseLong(last.group(2)), result::toString);
        assertEquals(result.races().size(), Json.integer(summary.get("races")), result::toString);
    }
}
