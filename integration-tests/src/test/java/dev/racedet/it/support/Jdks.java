package dev.racedet.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JDKs the agent is tested on: the one running the tests (17 by default) and, when present,
 * the JDK 25 named by the {@code racedet.jdk25} system property (set in the POM, overridable).
 */
public final class Jdks {
    private Jdks() {
    }

    /** A JDK home and a short label for test names. */
    public record Jdk(String label, Path home) {
        public boolean installed() {
            return Files.isExecutable(home.resolve("bin").resolve("java"));
        }
    }

    public static Jdk current() {
        return new Jdk("jdk" + Runtime.version().feature(), Path.of(System.getProperty("java.home")));
    }

    /** For {@code @MethodSource}: parameterized tests run once per installed JDK ({@link #installed()}). */
    public static final String INSTALLED = "dev.racedet.it.support.Jdks#installed";

    /** The JDKs of {@link #all()} that are installed here. */
    public static Stream<Jdk> installed() {
        return all().stream().filter(Jdk::installed);
    }

    /** The current JDK, then JDK 25 if it is a different installation. */
    public static List<Jdk> all() {
        List<Jdk> jdks = new ArrayList<>(List.of(current()));
        String jdk25 = System.getProperty("racedet.jdk25");
        if (jdk25 != null && !jdk25.isBlank() && Runtime.version().feature() != 25) {
            jdks.add(new Jdk("jdk25", Path.of(jdk25)));
        }
        return jdks;
    }
}
