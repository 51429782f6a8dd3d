package dev.racedet.it;

import static dev.racedet.it.thirdparty.RaceAssertions.assertHostUnharmed;
import static dev.racedet.it.thirdparty.RaceAssertions.assertRacesExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.thirdparty.JvmRun;
import dev.racedet.it.thirdparty.ThirdParty;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Mockito's inline mock maker (Mockito 5's default) retransforms the classes it mocks with its own
 * ByteBuddy, in the same JVM as racedet. The program mocks a concrete class and an interface, stubs
 * and verifies, then races on a real instance of the retransformed class. Mockito's agent is given
 * as {@code -javaagent:mockito-core.jar}, as Mockito's documentation tells users to do (JDK 21+
 * warns about the dynamic attach otherwise); the rest of the class path is Mockito's jars from
 * Maven Central.
 */
class ThirdPartyMockitoTest {
    private static final String PROGRAM = "MockitoProgram";
    private static final String MAIN = ThirdParty.PROGRAMS + "." + PROGRAM;

    @TestFactory
    Stream<DynamicTest> inline_mocks_work_and_race_on_retransformed_class_is_found() {
        return ThirdParty.onEveryJdk(ThirdPartyMockitoTest::check);
    }

    private static void check(Jdks.Jdk jdk) throws Exception {
        AgentRun.Result result = JvmRun.on(jdk).racedet().args("-javaagent:" + ThirdParty.jar("mockito"))
                .classPath(ThirdParty.testClasses(), ThirdParty.jar("mockito"), ThirdParty.jar("bytebuddy"),
                        ThirdParty.jar("bytebuddyagent"), ThirdParty.jar("objenesis"))
                .args(MAIN).run();

        assertHostUnharmed(result);
        assertEquals("balance 42, unknown 0, now 1234\nsafe entries 10000, mock entries 0\n", result.stdout(),
                result::toString);
        assertRacesExactly(result, Set.of(MAIN + "$Ledger.entries"), ThirdParty.programSource(PROGRAM));
    }
}
