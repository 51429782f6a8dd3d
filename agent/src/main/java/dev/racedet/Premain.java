package dev.racedet;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.util.jar.JarFile;
import dev.racedet.agent.AgentOptions;

/**
 * The {@code Premain-Class} of racedet.jar. Deliberately tiny: it rejects bad options, appends the
 * jar to the bootstrap class path, so the runtime that instrumented code calls is one copy visible
 * from every class loader, and hands off to {@code dev.racedet.agent.AgentStartup} loaded from there.
 * Every startup failure is one line on standard error and exit status 1, before {@code main}.
 */
public final class Premain {
    private Premain() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        try {
            new AgentOptions(options).checkOutputs();
        } catch (AgentOptions.InvalidOptionException e) {
            fail(e.getMessage());
        } catch (Throwable e) {
            fail("racedet: could not start: " + e);
        }
        try {
            appendRuntime(instrumentation);
            Class<?> startup = Class.forName("dev.racedet.agent.AgentStartup", true, null);
            startup.getMethod("start", String.class, Instrumentation.class).invoke(null, options, instrumentation);
        } catch (InvocationTargetException e) {
            fail("racedet: could not start: " + e.getCause());
        } catch (Throwable e) {
            fail("racedet: could not start: " + e);
        }
    }

    /**
     * Puts racedet's runtime on the bootstrap class path, so instrumented code in every class loader
     * (the JDK's too) calls one copy of it. The JUnit glue is left out ({@link BootJar} says why).
     * Public for the glue's self-install ({@code dev.racedet.junit}), which has its own
     * {@code Instrumentation}; it must run once per JVM.
     */
    public static void appendRuntime(Instrumentation instrumentation) throws Exception {
        appendRuntime(instrumentation, BootJar.DEFAULT_DIRECTORY);
    }

    /**
     * {@link #appendRuntime(Instrumentation)} with the copy without the glue kept in the {@code cache}
     * option's directory {@code cacheDirectory}; {@code null} ({@code cache=none}) makes it a private
     * temporary file of this JVM.
     */
    public static void appendRuntime(Instrumentation instrumentation, java.nio.file.Path cacheDirectory)
            throws Exception {
        File jar = new File(Premain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // Closed at once (the JVM keeps only the path): left to the Cleaner, its release would run
        // racedet's hooks on the Cleaner thread in the middle of startup.
        try (JarFile boot = new JarFile(BootJar.of(jar, cacheDirectory))) {
            instrumentation.appendToBootstrapClassLoaderSearch(boot);
        }
    }

    /**
     * Prints the line and ends the JVM at once: {@code halt}, not {@code exit}, so that an exit hook
     * racedet may already have registered adds nothing after the line.
     */
    private static void fail(String line) {
        System.err.println(line.replace('\n', ' ').replace('\r', ' '));
        System.err.flush();
        Runtime.getRuntime().halt(1);
    }
}
