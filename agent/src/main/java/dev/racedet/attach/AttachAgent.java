package dev.racedet.attach;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The target JVM's side of {@code java -jar racedet.jar attach|detach <pid>}, run by
 * {@code Premain.agentmain} on the JVM's attach thread. It reads the request, appends the runtime
 * to the bootstrap class path when racedet is not there yet, and hands the request to
 * {@code dev.racedet.agent.AttachSession} (loaded from the bootstrap path, so there is one session
 * per JVM). The reply, one line, goes to the target's standard error and, for the launcher, to the
 * request's directory.
 *
 * <p>The agent argument is one of: {@code @DIR} (the launcher's request: {@code DIR/request} holds
 * the command, {@code attach} or {@code detach}, on its first line and the options on its second;
 * the reply is written to {@code DIR/reply}); {@code detach}; or an option string, which attaches
 * (so {@code jcmd <pid> JVMTI.agent_load racedet.jar json=/tmp/r.json} works too). Nothing is
 * thrown into the target: every failure becomes the reply line.
 */
public final class AttachAgent {
    /** Same as {@code AttachSession.OK}: this class must not load that one before the runtime is appended. */
    static final String OK = "ok ";
    static final String REQUEST = "request";
    static final String REPLY = "reply";
    static final String ATTACH = "attach";
    static final String DETACH = "detach";
    private static final String SESSION = "dev.racedet.agent.AttachSession";
    private static final String ENGINE = "dev.racedet.runtime.Engine";

    /** Appends racedet's runtime to the bootstrap class path ({@code Premain.appendRuntime}). */
    @FunctionalInterface
    public interface RuntimeAppender {
        void append(Instrumentation instrumentation) throws Exception;
    }

    private AttachAgent() {
    }

    /** Runs the request {@code argument}; never throws. */
    public static void run(String argument, Instrumentation instrumentation, RuntimeAppender appender) {
        Path directory = argument != null && argument.startsWith("@") ? Path.of(argument.substring(1)) : null;
        String reply;
        try {
            String[] request = request(argument, directory);
            reply = execute(request[0], request[1], instrumentation, appender);
        } catch (InvocationTargetException e) {
            reply = "racedet: could not attach: " + e.getCause();
        } catch (Throwable e) {
            reply = "racedet: could not attach: " + e;
        }
        String line = reply.startsWith(OK) ? reply.substring(OK.length()) : reply;
        System.err.println(line.replace('\n', ' ').replace('\r', ' '));
        System.err.flush();
        if (directory != null) {
            writeReply(directory, reply);
        }
    }

    /** {command, options} of the agent argument. */
    private static String[] request(String argument, Path directory) throws IOException {
        if (directory != null) {
            List<String> lines = Files.readAllLines(directory.resolve(REQUEST), StandardCharsets.UTF_8);
            return new String[] {lines.isEmpty() ? "" : lines.get(0), lines.size() > 1 ? lines.get(1) : ""};
        }
        if (DETACH.equals(argument)) {
            return new String[] {DETACH, ""};
        }
        return new String[] {ATTACH, argument == null ? "" : argument};
    }

    private static String execute(String command, String options, Instrumentation instrumentation,
                                  RuntimeAppender appender) throws Exception {
        boolean running = runtimeLoaded(instrumentation);
        switch (command) {
            case ATTACH -> {
                if (!running && !sessionReachable()) {
                    appender.append(instrumentation);
                }
                return (String) session().getMethod("attach", String.class, Instrumentation.class, boolean.class)
                        .invoke(null, options, instrumentation, running);
            }
            case DETACH -> {
                if (!running) {
                    return "racedet: not attached to this JVM";
                }
                return (String) session().getMethod("detach").invoke(null);
            }
            default -> {
                return "racedet: unknown request '" + command + "' (this racedet.jar and the launcher differ?)";
            }
        }
    }

    /** Whether racedet's engine was loaded by the bootstrap loader: racedet runs in this JVM. */
    private static boolean runtimeLoaded(Instrumentation instrumentation) {
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getClassLoader() == null && type.getName().equals(ENGINE)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sessionReachable() {
        try {
            Class.forName(SESSION, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Class<?> session() throws ClassNotFoundException {
        return Class.forName(SESSION, true, null);
    }

    /** Writes the reply whole (temporary file, then rename), so the launcher never reads half of it. */
    private static void writeReply(Path directory, String reply) {
        try {
            Path temporary = directory.resolve(REPLY + ".tmp");
            Files.writeString(temporary, reply, StandardCharsets.UTF_8);
            Files.move(temporary, directory.resolve(REPLY), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            System.err.println("racedet: cannot hand the reply to the launcher (" + e + ")");
        }
    }
}
