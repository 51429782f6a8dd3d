package dev.racedet.it;

import static dev.racedet.it.thirdparty.RaceAssertions.assertHostUnharmed;
import static dev.racedet.it.thirdparty.RaceAssertions.assertRacesExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racedet.it.support.AgentRun;
import dev.racedet.it.thirdparty.JvmRun;
import dev.racedet.it.thirdparty.ThirdParty;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A real concurrent library (commons-pool2 from Maven Central) under a plain workload, with every
 * class checked (racedet's defaults): objects handed from thread to thread through the pool must not
 * be reported, and a race of the program must be.
 */
class ThirdPartyLibraryWorkloadTest {
    private static final String PROGRAM = "PoolProgram";
    private static final String MAIN = ThirdParty.PROGRAMS + "." + PROGRAM;

    @TestFactory
    Stream<DynamicTest> objects_handed_over_by_commons_pool_are_not_reported_and_program_race_is() {
        return ThirdParty.onEveryJdk(jdk -> {
            AgentRun.Result result = JvmRun.on(jdk).racedet()
                    .classPath(ThirdParty.testClasses(), ThirdParty.jar("commonspool2")).args(MAIN).run();

            assertHostUnharmed(result);
            assertEquals("uses 8000\n", result.stdout(), result::toString);
            assertRacesExactly(result, Set.of(MAIN + "$Stats.started"), ThirdParty.programSource(PROGRAM));
        });
    }
}
