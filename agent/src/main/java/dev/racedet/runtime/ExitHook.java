package dev.racedet.runtime;

import java.lang.reflect.Method;

/**
 * Runs racedet's finisher after the application's shutdown hooks. The JDK runs every hook added with
 * {@code Runtime.addShutdownHook} from system shutdown slot 1 and waits for all of them; racedet takes
 * a later system slot (through {@code jdk.internal.access.JavaLangAccess.registerShutdownHook}, whose
 * package the agent exports to racedet at startup), so races found in those hooks and in daemon
 * threads still running are in the summary and the JSON. Where no slot can be had, an ordinary
 * shutdown hook is the fallback, and the caller says so in one line.
 */
final class ExitHook {
    /** {@code java.lang.Shutdown.MAX_SYSTEM_HOOKS} is 10; 0-2 are the console, application hooks, DeleteOnExit. */
    private static final int LAST_SLOT = 9;
    private static final int FIRST_FREE_SLOT = 3;

    private ExitHook() {
    }

    /**
     * Registers {@code finisher} to run once at JVM exit.
     *
     * @return {@code null} when it runs after the application's hooks, else why not
     */
    static String register(Runnable finisher) {
        String problem;
        try {
            Object access = Class.forName("jdk.internal.access.SharedSecrets")
                    .getMethod("getJavaLangAccess").invoke(null);
            Method register = Class.forName("jdk.internal.access.JavaLangAccess")
                    .getMethod("registerShutdownHook", int.class, boolean.class, Runnable.class);
            problem = registerInFreeSlot(access, register, finisher);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            problem = e.toString();
        }
        if (problem != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(finisher, "racedet-exit"));
        }
        return problem;
    }

    /** Tries the slots from the last one down: later slots run later. */
    private static String registerInFreeSlot(Object access, Method register, Runnable finisher)
            throws IllegalAccessException {
        String problem = "no free shutdown slot";
        for (int slot = LAST_SLOT; slot >= FIRST_FREE_SLOT; slot--) {
            try {
                register.invoke(access, slot, false, finisher);
                return null;
            } catch (java.lang.reflect.InvocationTargetException e) {
                // IllegalArgumentException (no such slot), IllegalStateException (shutting down),
                // InternalError (slot taken): try the next one
                problem = String.valueOf(e.getCause());
            }
        }
        return problem;
    }
}
