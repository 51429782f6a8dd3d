package dev.racedet.it;

import static dev.racedet.it.instrumentation.InstrumentationRuns.PACKAGE;
import static dev.racedet.it.instrumentation.InstrumentationRuns.copyClasses;
import static dev.racedet.it.instrumentation.InstrumentationRuns.internalErrors;
import static dev.racedet.it.instrumentation.InstrumentationRuns.markedLocations;
import static dev.racedet.it.instrumentation.InstrumentationRuns.newDirectory;
import static dev.racedet.it.instrumentation.InstrumentationRuns.racedFields;
import static dev.racedet.it.instrumentation.InstrumentationRuns.reportedLocations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racedet.it.instrumentation.InstrumentationRuns;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A field is one field whichever class loader's code accesses it, but two classes of one name in two
 * loaders are two classes: their static fields are not shared.
 */
class InstrumentationLoadersTest {
    private static final String RACERS = "dev.racedet.it.targets.Racers";

    @TestFactory
    Iterable<DynamicTest> race_between_parent_and_child_loader_code_on_a_parent_class_is_reported() {
        return Jdks.all().stream().map(jdk -> DynamicTest.dynamicTest(jdk.label(), () -> {
            Path app = copyClasses(newDirectory("app"), PACKAGE + ".LoaderRace", PACKAGE + ".Shared", RACERS);
            Path child = copyClasses(newDirectory("child"), PACKAGE + ".ChildWriter");

            AgentRun.Result result = InstrumentationRuns.run(jdk, app, "LoaderRace", child.toString());

            assertEquals(0, result.exitCode(), result::toString);
            assertEquals(Set.of(PACKAGE + ".Shared.value", PACKAGE + ".Shared.total"), racedFields(result),
                    result::toString);
            assertEquals(markedLocations("LoaderRace", "ChildWriter"), reportedLocations(result), result::toString);
            assertEquals(0, internalErrors(result), result::toString);
        })).toList();
    }

    @TestFactory
    Iterable<DynamicTest> static_fields_of_two_classes_of_one_name_in_sibling_loaders_do_not_race() {
        return Jdks.all().stream().map(jdk -> DynamicTest.dynamicTest(jdk.label(), () -> {
            Path app = copyClasses(newDirectory("app"), PACKAGE + ".SiblingStatics", RACERS);
            Path siblings = copyClasses(newDirectory("siblings"), PACKAGE + ".SiblingCounter", PACKAGE + ".SiblingPeer");

            AgentRun.Result result = InstrumentationRuns.run(jdk, app, "SiblingStatics", siblings.toString());

            assertEquals(0, result.exitCode(), result::toString);
            assertEquals(Set.of(PACKAGE + ".SiblingStatics.known"), racedFields(result), result::toString);
            assertEquals(markedLocations("SiblingStatics"), reportedLocations(result), result::toString);
            assertEquals(0, internalErrors(result), result::toString);
        })).toList();
    }
}
