package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The built racedet.jar itself: manifest, entries, relocation, and the POM it is published with. */
class AgentJarTest {

    @Test
    void manifest_names_the_premain_class() throws IOException {
        try (JarFile jar = new JarFile(AgentRun.agentJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("dev.racedet.Premain", main.getValue("Premain-Class"));
            assertEquals("dev.racedet.Launcher", main.getValue("Main-Class"));
            assertNotNull(jar.getEntry("dev/racedet/Premain.class"));
            assertNotNull(jar.getEntry("dev/racedet/runtime/Racedet.class"));
        }
    }

    @Test
    void java_jar_prints_the_usage_with_every_option() throws Exception {
        AgentRun.Result result = AgentRun.onThisJdk().runJar(AgentRun.agentJar());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stdout().startsWith("racedet: a data-race detector for the JVM"), result::toString);
        assertTrue(result.stdout().contains("-javaagent:racedet.jar"), result::toString);
        for (String key : AgentOptions.KEYS) {
            assertTrue(result.stdout().contains("\n  " + key + "="), key + " missing: " + result);
        }
    }

    @Test
    void java_jar_with_an_unknown_command_fails_with_one_line() throws Exception {
        AgentRun.Result result = AgentRun.onThisJdk().runJar(AgentRun.agentJar(), "frobnicate\u001b[31m");
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("", result.stdout(), result::toString);
        assertEquals("racedet: unknown command 'frobnicate?[31m' (java -jar racedet.jar prints the usage)",
                result.stderr().strip(), result::toString);
    }

    @Test
    void every_class_is_under_racedet_package_with_bytebuddy_relocated() throws IOException {
        List<String> classes = entries().stream().filter(n -> n.endsWith(".class")).toList();
        assertTrue(classes.contains("dev/racedet/shaded/bytebuddy/ByteBuddy.class"), "relocated ByteBuddy");
        assertTrue(classes.contains("dev/racedet/shaded/bytebuddy/jar/asm/ClassVisitor.class"), "relocated ASM");
        List<String> outside = classes.stream().filter(n -> !n.startsWith("dev/racedet/")).toList();
        assertEquals(List.of(), outside, "classes outside dev/racedet/ (unrelocated or multi-release copies)");
    }

    @Test
    void no_multi_release_or_unrelocated_resources_remain() throws IOException {
        for (String name : entries()) {
            assertFalse(name.startsWith("META-INF/versions/"), name);
            assertFalse(name.startsWith("net/"), name);
        }
    }

    @Test
    void published_pom_does_not_pull_bytebuddy_again() throws IOException {
        String pom = Files.readString(AgentRun.requiredPath("agent.basedir").resolve("dependency-reduced-pom.xml"));
        assertFalse(pom.contains("<artifactId>byte-buddy</artifactId>"), pom);
    }

    @Test
    void entry_times_come_from_the_build_timestamp_not_the_clock() throws IOException {
        long fixed = java.time.Instant.parse(System.getProperty("build.outputTimestamp")).toEpochMilli();
        try (JarFile jar = new JarFile(AgentRun.agentJar().toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                long time = e.getLastModifiedTime().toMillis();
                if (e.getName().startsWith("dev/racedet/") && !e.getName().startsWith("dev/racedet/shaded/")) {
                    assertEquals(fixed, time, e.getName());
                } else {
                    assertTrue(time <= fixed, e.getName() + " is newer than the build timestamp");
                }
            }
        }
    }

    private static List<String> entries() throws IOException {
        try (JarFile jar = new JarFile(AgentRun.agentJar().toFile())) {
            return Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
        }
    }
}
