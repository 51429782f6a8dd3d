package dev.racedet.junit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Registers {@link RacedetExtension} through Jupiter's extension autodetection without registering
 * anybody else's: where the user has not turned autodetection on, it is turned on with an include
 * pattern that names only racedet's extension ({@code junit.jupiter.extensions.autodetection.include},
 * JUnit 5.12 and later); where the user turned it on with include patterns, racedet's extension is
 * added to them; where the user turned it on for everything, nothing changes. The settings are JVM
 * system properties, which Jupiter reads as configuration parameters when it discovers tests; explicit
 * launcher parameters (Surefire's {@code configurationParameters}) still win over them.
 */
final class Autodetection {
    static final String ENABLED = "junit.jupiter.extensions.autodetection.enabled";
    static final String INCLUDE = "junit.jupiter.extensions.autodetection.include";

    private Autodetection() {
    }

    static void enableFor(String extension) {
        Properties file = platformProperties();
        String enabled = setting(ENABLED, file);
        String include = setting(INCLUDE, file);
        if ("true".equalsIgnoreCase(enabled == null ? null : enabled.strip())) {
            if (include != null && !include.isBlank()) {
                System.setProperty(INCLUDE, include + "," + extension);
            }
            return; // every detected extension already runs, ours included
        }
        System.setProperty(ENABLED, "true");
        System.setProperty(INCLUDE, extension);
    }

    /** A system property, else the key in {@code junit-platform.properties}, else {@code null}. */
    private static String setting(String key, Properties file) {
        String value = System.getProperty(key);
        return value != null ? value : file.getProperty(key);
    }

    /** The first {@code junit-platform.properties} on the class path, as JUnit reads it. */
    static Properties platformProperties() {
        Properties properties = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ClassLoader.getSystemClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream("junit-platform.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException | IllegalArgumentException e) {
            // unreadable: JUnit reports it; racedet then assumes no settings
        }
        return properties;
    }
}
