package dev.racedet.agent;

import dev.racedet.agent.instrument.AttachedInstrumentation;
import dev.racedet.runtime.DetachReports;
import dev.racedet.runtime.InternalErrors;
import dev.racedet.runtime.Racedet;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The session of racedet attached to a running JVM ({@code java -jar racedet.jar attach <pid>}),
 * from attach to detach. Loaded by the bootstrap loader, so its state is the JVM's one copy,
 * whichever loader ran the agent class. One session per JVM: a second attach, or an attach to a JVM
 * started with {@code -javaagent}, changes nothing and says so; after a detach the runtime's state
 * is stale (frames still running old code may keep calling it), so attaching again is refused too.
 *
 * <p>Every method returns a {@link #reply} instead of throwing: the agent class prints it on the
 * target's standard error and hands it to the attaching process. Nothing here throws into the target.
 */
public final class AttachSession {
    /** Prefix of a reply that reports success; anything else is a failure. */
    public static final String OK = "ok ";

    private static AttachedInstrumentation installed;
    private static Path json;
    private static boolean detached;
    /** An attach failed after the runtime began to start: its state is partial, so no second try. */
    private static boolean failed;
    /** The {@code duration} thread, if any: stopped by an earlier detach, so it says nothing later. */
    private static Thread timer;

    private AttachSession() {
    }

    /**
     * Attaches with the option string {@code optionString}.
     *
     * @param racedetWasRunning whether racedet's runtime was already loaded in this JVM before this
     *     call (by {@code -javaagent} or an earlier attach)
     */
    public static synchronized String attach(String optionString, Instrumentation instrumentation,
                                             boolean racedetWasRunning) {
        if (installed != null) {
            return "racedet: already attached to this JVM (nothing changed)";
        }
        if (detached) {
            return "racedet: was detached from this JVM; attaching again to the same JVM is not supported";
        }
        if (failed) {
            return "racedet: an earlier attach to this JVM failed; attaching again to the same JVM is not supported";
        }
        if (racedetWasRunning) {
            return "racedet: already running in this JVM (started with -javaagent; nothing changed)";
        }
        try {
            AgentOptions options = new AgentOptions(optionString);
            options.checkOutputs();
            String unsupported = dev.racedet.attach.AttachCommands.unsupportedWithAttach(options);
            if (unsupported != null) {
                return unsupported;
            }
            AgentStartup.startAttached(options, instrumentation);
            boolean began = Racedet.beginInternal(); // attaching is racedet's work, not the program's
            try {
                installed = AttachedInstrumentation.install(instrumentation,
                        new ClassFilter(options.getInclude(), options.getExclude()), options.getCacheDirectory());
                json = options.getJson() == null ? null : Path.of(options.getJson()).toAbsolutePath().normalize();
                scheduleDetach(options.getDurationMillis());
            } finally {
                Racedet.endInternal(began);
            }
            return OK + "racedet: attached (" + installed.retransformedAtAttach() + " loaded application classes"
                    + " instrumented" + (options.getDurationMillis() > 0 ? ", detaching after "
                    + options.getDurationMillis() + " ms" : "") + ")";
        } catch (AgentOptions.InvalidOptionException e) {
            return e.getMessage();
        } catch (Throwable e) {
            failed = true;
            return "racedet: could not attach: " + e;
        }
    }

    /** Ends the session: removes the instrumentation, then writes the reports. */
    public static synchronized String detach() {
        if (installed == null) {
            return detached ? "racedet: already detached from this JVM" : "racedet: not attached to this JVM"
                    + " (a -javaagent session cannot be detached)";
        }
        boolean began = Racedet.beginInternal();
        try {
            if (timer != null && timer != Thread.currentThread()) {
                timer.interrupt(); // racedet's own thread, sleeping: it ends without a word
            }
            int restored = installed.remove();
            installed = null;
            detached = true;
            DetachReports.write(json);
            return OK + "racedet: detached (" + restored + " classes restored)";
        } catch (Throwable e) {
            InternalErrors.record("detaching", e);
            return "racedet: could not detach cleanly: " + e;
        } finally {
            Racedet.endInternal(began);
        }
    }

    /** {@link #detach()} unless the session already ended: then {@code null}. */
    private static synchronized String detachIfAttached() {
        return installed == null ? null : detach();
    }

    /** Whether {@code reply} reports success. */
    public static boolean succeeded(String reply) {
        return reply.startsWith(OK);
    }

    /** The line of {@code reply} to show a person. */
    public static String line(String reply) {
        return (succeeded(reply) ? reply.substring(OK.length()) : reply).replace('\n', ' ').replace('\r', ' ');
    }

    /** A daemon thread of racedet's that detaches after {@code millis} (0: never). */
    private static void scheduleDetach(long millis) {
        if (millis <= 0) {
            return;
        }
        timer = new Thread(() -> {
            Racedet.beginInternal(); // racedet's own thread: its synchronization is not the program's
            try {
                TimeUnit.MILLISECONDS.sleep(millis);
            } catch (InterruptedException e) {
                return; // nobody but racedet knows this thread; interrupted means stop waiting
            }
            String reply = detachIfAttached();
            if (reply == null) {
                return; // detached meanwhile by the launcher
            }
            System.err.println(succeeded(reply)
                    ? line(reply).replace("racedet: detached", "racedet: detached after '" + AgentOptions.DURATION + "'")
                    : line(reply));
        }, "racedet-duration");
        timer.setDaemon(true);
        timer.start();
    }
}
