package dev.racedet.it;

import static dev.racedet.it.instrumentation.InstrumentationRuns.PACKAGE;
import static dev.racedet.it.instrumentation.InstrumentationRuns.copyClasses;
import static dev.racedet.it.instrumentation.InstrumentationRuns.internalErrors;
import static dev.racedet.it.instrumentation.InstrumentationRuns.markedLocations;
import static dev.racedet.it.instrumentation.InstrumentationRuns.newDirectory;
import static dev.racedet.it.instrumentation.InstrumentationRuns.reportedLocations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.racedet.it.instrumentation.InstrumentationRuns;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The instrumentation pipeline leaves the host alone: classes with missing optional dependencies are
 * checked like others, application objects' overridable methods are never called, and nothing of
 * racedet's bundled libraries shows in the application (system properties, JDK warnings).
 */
class InstrumentationHostTest {

    @TestFactory
    Iterable<DynamicTest> class_with_a_missing_optional_dependency_is_checked_without_internal_errors() {
        return Jdks.all().stream().map(jdk -> DynamicTest.dynamicTest(jdk.label(), () -> {
            Path app = copyClasses(newDirectory("app"), PACKAGE + ".OptionalDependency",
                    PACKAGE + ".OptionalDependencyUser", "dev.racedet.it.targets.Racers");

            AgentRun.Result result = InstrumentationRuns.run(jdk, app, "OptionalDependency");

            assertEquals(0, result.exitCode(), result::toString);
            assertEquals(markedLocations("OptionalDependencyUser"), reportedLocations(result), result::toString);
            assertEquals(0, internalErrors(result), result::toString);
        })).toList();
    }

    @TestFactory
    Iterable<DynamicTest> overridden_hash_code_equals_and_to_string_of_threads_and_loaders_are_never_called() {
        return Jdks.all().stream().map(jdk -> DynamicTest.dynamicTest(jdk.label(), () -> {
            Path app = copyClasses(newDirectory("app"), PACKAGE + ".HostileObjects", PACKAGE + ".HostileThread",
                    PACKAGE + ".HostileLoader", PACKAGE + ".HostileDefined");

            AgentRun.Result result = InstrumentationRuns.run(jdk, app, "HostileObjects");

            assertEquals(0, result.exitCode(), result::toString);
            assertEquals("overrides called 0\n", result.stdout(), result::toString);
            assertEquals(markedLocations("HostileThread"), reportedLocations(result), result::toString);
            assertEquals(0, internalErrors(result), result::toString);
        })).toList();
    }

    @TestFactory
    Iterable<DynamicTest> application_sees_no_racedet_system_property_and_no_unsafe_warning() {
        return Jdks.all().stream().map(jdk -> DynamicTest.dynamicTest(jdk.label(), () -> {
            Path app = copyClasses(newDirectory("app"), PACKAGE + ".PrintProperties");

            AgentRun.Result result = InstrumentationRuns.run(jdk, app, "PrintProperties");

            assertEquals(0, result.exitCode(), result::toString);
            List<String> keys = Arrays.stream(result.stdout().split("\n")).filter(k -> !k.isEmpty()).toList();
            assertEquals(List.of("properties checked"), keys, result::toString);
            assertFalse(result.stderr().contains("Unsafe"), result::toString);
            assertEquals(0, internalErrors(result), result::toString);
        })).toList();
    }
}
