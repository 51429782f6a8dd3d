package dev.racedet.it;

import static dev.racedet.it.thirdparty.RaceAssertions.assertHostUnharmed;
import static dev.racedet.it.thirdparty.RaceAssertions.assertRacesExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racedet.it.support.AgentRun;
import dev.racedet.it.thirdparty.Javac;
import dev.racedet.it.thirdparty.JvmRun;
import dev.racedet.it.thirdparty.PlainJar;
import dev.racedet.it.thirdparty.ThirdParty;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * An application jar compiled against an optional library that is absent at run time, as many real
 * applications are (optional Maven dependencies, annotations-only jars): a class carries the
 * library's annotation and has a method using its types that never runs. And a class whose
 * superclass has no class file to find by name, because the application defines it from bytes (as
 * Mockito does with its dispatcher). The JVM loads both, so racedet must too: instrument them
 * (their races found) without an internal error.
 * Sources are resources ({@code src/test/resources/thirdparty/optional}), compiled by the test.
 */
class ThirdPartyOptionalDependencyTest {
    private static Path sources;
    private static Path appJar;

    @BeforeAll
    static void buildApplicationJar() throws Exception {
        sources = Javac.sources("optional");
        Path work = Files.createTempDirectory("racedet-optional");
        Path stubClasses = Files.createDirectories(work.resolve("stub"));
        Path generatedClasses = Files.createDirectories(work.resolve("generated"));
        Path appClasses = Files.createDirectories(work.resolve("app"));
        Javac.classes(sources.resolve("stub"), "", stubClasses);
        Javac.classes(sources.resolve("generated"), "", generatedClasses);
        Javac.classes(sources.resolve("app"), stubClasses + File.pathSeparator + generatedClasses, appClasses);
        appJar = work.resolve("app.jar");
        // The superclass of Plugin ships under another name; Main defines it from these bytes.
        PlainJar.write(appClasses, appJar, Map.of("com/acme/opt/GeneratedBase.bin",
                Files.readAllBytes(generatedClasses.resolve("com/acme/opt/GeneratedBase.class"))));
    }

    @TestFactory
    Stream<DynamicTest> class_using_an_absent_optional_library_is_instrumented_and_its_race_found() {
        return ThirdParty.onEveryJdk(jdk -> {
            AgentRun.Result result = JvmRun.on(jdk).racedet().classPath(appJar).args("com.acme.opt.Main").run();

            assertHostUnharmed(result);
            assertEquals("optional library present: false\nsafe uses 10000\n", result.stdout(), result::toString);
            assertRacesExactly(result, Set.of("com.acme.opt.Feature.uses", "com.acme.opt.Plugin.calls"),
                    sources.resolve("app/com/acme/opt/Feature.java"), sources.resolve("app/com/acme/opt/Plugin.java"));
        });
    }
}
