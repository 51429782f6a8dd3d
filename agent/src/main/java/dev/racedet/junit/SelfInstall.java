package dev.racedet.junit;

import dev.racedet.Premain;
import dev.racedet.agent.AgentOptions;
import net.bytebuddy.agent.ByteBuddyAgent;
import java.lang.instrument.Instrumentation;

/**
 * Starts racedet in a test JVM that has racedet.jar on its class path but no {@code -javaagent}:
 * gets an {@code Instrumentation} for this JVM from ByteBuddy's agent (which attaches from a helper
 * process when the JVM forbids attaching to itself), then does what {@code Premain} does. It runs when
 * the JUnit session opens, before test classes are loaded, so they are instrumented as they load;
 * the JUnit and Surefire classes loaded before are not checked (their synchronization is, like the
 * JDK's).
 *
 * <p>Options come from the system property {@code racedet.options}, else the key
 * {@code racedet.options} of {@code junit-platform.properties}, in {@code -javaagent} syntax.
 * Bad options fail the session with the usual one line; a JVM that cannot be attached to (no
 * {@code jdk.attach} module) gets one warning line and runs its tests without racedet. The system
 * property {@code racedet.selfInstall=false} turns self-install off.
 */
final class SelfInstall {
    static final String OPTIONS = "racedet.options";
    /** System property: {@code false} keeps racedet out of a JVM that has racedet.jar on its class path. */
    static final String ENABLED = "racedet.selfInstall";

    private SelfInstall() {
    }

    static synchronized void install() {
        if (Runtime.installed() || "false".equalsIgnoreCase(System.getProperty(ENABLED)) || !fromJar()) {
            return;
        }
        String options = options();
        AgentOptions parsed;
        try {
            parsed = new AgentOptions(options);
            parsed.checkOutputs();
        } catch (AgentOptions.InvalidOptionException e) {
            throw new IllegalArgumentException(e.getMessage() + " (from " + OPTIONS + ")");
        }
        Instrumentation instrumentation;
        try {
            instrumentation = ByteBuddyAgent.install();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("racedet: cannot attach to this JVM, tests run without race detection: "
                    + String.valueOf(e.getMessage()).replace('\n', ' '));
            return;
        }
        try {
            Premain.appendRuntime(instrumentation, parsed.getCacheDirectory());
            Class.forName("dev.racedet.agent.AgentStartup", true, null)
                    .getMethod("start", String.class, Instrumentation.class)
                    .invoke(null, options, instrumentation);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("racedet: could not start: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("racedet: could not start: " + e, e);
        }
    }

    /**
     * Whether this class comes from a jar (racedet.jar on a test class path), not from racedet's own
     * build output, whose tests must not run under the racedet they test.
     */
    private static boolean fromJar() {
        try {
            java.security.CodeSource source = SelfInstall.class.getProtectionDomain().getCodeSource();
            return source != null && source.getLocation().getPath().endsWith(".jar");
        } catch (SecurityException e) {
            return false;
        }
    }

    private static String options() {
        String options = System.getProperty(OPTIONS);
        return options != null ? options : Autodetection.platformProperties().getProperty(OPTIONS);
    }
}
