package dev.racedet.junit;

import dev.racedet.runtime.Tests;

/**
 * The glue's only door to racedet's runtime ({@link Tests}). Loading this class resolves
 * {@code dev.racedet.runtime.Tests}: callers must first make sure the runtime is on the bootstrap
 * class path ({@link #installed()}, which does not load it), or this class loader would define a
 * second, idle copy of it.
 */
final class Runtime {
    private Runtime() {
    }

    /** Whether the agent put racedet's runtime on the bootstrap class path. Loads nothing. */
    static boolean installed() {
        try {
            Class.forName("dev.racedet.runtime.Tests", false, null);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static void activate() {
        Tests.activate();
    }

    static void started(String name, String uniqueId) {
        Tests.started(name, uniqueId);
    }

    static String takeReport(String uniqueId) {
        return Tests.takeReport(uniqueId);
    }

    static void finished(String uniqueId) {
        Tests.finished(uniqueId);
    }

    static String unownedReport() {
        return Tests.unownedReport();
    }
}
