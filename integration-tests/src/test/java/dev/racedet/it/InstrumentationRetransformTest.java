package dev.racedet.it;

import static dev.racedet.it.instrumentation.InstrumentationRuns.PACKAGE;
import static dev.racedet.it.instrumentation.InstrumentationRuns.copyClasses;
import static dev.racedet.it.instrumentation.InstrumentationRuns.internalErrors;
import static dev.racedet.it.instrumentation.InstrumentationRuns.markedLocations;
import static dev.racedet.it.instrumentation.InstrumentationRuns.newDirectory;
import static dev.racedet.it.instrumentation.InstrumentationRuns.reportedLocations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Retransformation (Mockito's inline mock maker, other agents) and racedet's own retransformation of
 * the JDK's thread classes keep working: same class shape as at first load, verified bytecode.
 */
class InstrumentationRetransformTest {

    @TestFactory
    Iterable<DynamicTest> retransforming_instrumented_and_earlier_loaded_classes_succeeds_and_races_are_still_found() {
        return Jdks.all().stream().map(jdk -> DynamicTest.dynamicTest(jdk.label(), () -> {
            Path app = copyClasses(newDirectory("app"), PACKAGE + ".Retransforming", PACKAGE + ".RetransformAgent",
                    PACKAGE + ".RetransformedCounter", "dev.racedet.it.targets.Racers");
            Path agentJar = retransformAgentJar(newDirectory("agent"));
            AgentRun run = AgentRun.on(jdk.home());

            AgentRun.Result result = run.jvmArgs("-javaagent:" + agentJar)
                    .agent(new AgentOptions().setJson(run.jsonPath().toString()))
                    .runClass(app, PACKAGE + ".Retransforming");

            assertEquals(0, result.exitCode(), result::toString);
            assertEquals("retransformed\n", result.stdout(), result::toString);
            assertEquals(markedLocations("RetransformedCounter"), reportedLocations(result), result::toString);
            assertEquals(0, internalErrors(result), result::toString);
        })).toList();
    }

    @TestFactory
    Iterable<DynamicTest> hooked_jdk_thread_classes_pass_bytecode_verification() {
        return Jdks.all().stream().map(jdk -> DynamicTest.dynamicTest(jdk.label(), () -> {
            Path app = copyClasses(newDirectory("app"), PACKAGE + ".ThreadsUnderVerification");
            AgentRun run = AgentRun.on(jdk.home());

            AgentRun.Result result = run.jvmArgs("-XX:+UnlockDiagnosticVMOptions", "-XX:+BytecodeVerificationLocal")
                    .agent(new AgentOptions().setJson(run.jsonPath().toString()))
                    .runClass(app, PACKAGE + ".ThreadsUnderVerification");

            assertEquals(0, result.exitCode(), result::toString);
            String virtual = jdk.label().equals("jdk17") ? "0" : "1";
            assertEquals("threads " + (3 + Integer.parseInt(virtual)) + " virtual " + virtual + "\n", result.stdout(),
                    result::toString);
            assertEquals(0, internalErrors(result), result::toString);
        })).toList();
    }

    /** A jar holding only a manifest naming {@code RetransformAgent} (on the class path) as premain class. */
    private static Path retransformAgentJar(Path dir) throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Premain-Class", PACKAGE + ".RetransformAgent");
        main.putValue("Can-Retransform-Classes", "true");
        Path jar = dir.resolve("retransform-agent.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
