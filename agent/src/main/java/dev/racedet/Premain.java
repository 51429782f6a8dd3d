package dev.racedet;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;
import dev.racedet.agent.AgentOptions;

/**
 * The {@code Premain-Class} of racedet.jar. Deliberately tiny: it rejects bad options (one line, exit
 * status 1, before {@code main}), appends the jar to the bootstrap class path, so the runtime that
 * instrumented code calls is one copy visible from every class loader, and hands off to
 * {@code dev.racedet.agent.AgentStartup} loaded from there. Anything else that goes wrong leaves the
 * application running without race detection.
 */
public final class Premain {
    private Premain() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        try {
            new AgentOptions(options).checkOutputs();
        } catch (AgentOptions.InvalidOptionException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        Class<?> startup;
        try {
            File jar = new File(Premain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
            startup = Class.forName("dev.racedet.agent.AgentStartup", true, null);
        } catch (Throwable e) {
            System.err.println("racedet: could not start, the application runs without race detection: " + e);
            return;
        }
        try {
            startup.getMethod("start", String.class, Instrumentation.class).invoke(null, options, instrumentation);
        } catch (java.lang.reflect.InvocationTargetException e) {
            System.err.println("racedet: could not start, the application runs without race detection: "
                    + e.getCause());
        } catch (Throwable e) {
            System.err.println("racedet: could not start, the application runs without race detection: " + e);
        }
    }
}
