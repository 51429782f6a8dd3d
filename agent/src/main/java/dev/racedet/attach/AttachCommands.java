package dev.racedet.attach;

import dev.racedet.agent.AgentOptions;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The sub-commands {@code list}, {@code attach <pid> [options]} and {@code detach <pid>} of
 * {@code java -jar racedet.jar}. Each returns the exit status: 0 done, 1 the target or the platform
 * refused (one line on standard error), 2 a bad command line (one line; the target is not touched).
 *
 * <p>Attach validates the options here first, with the same rules as {@code -javaagent}, and makes
 * the file paths in them absolute against this process's working directory, since the target's may
 * be anywhere. Detach removes racedet's instrumentation and writes its reports; the target keeps
 * running.
 */
public final class AttachCommands {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final List<String> PATH_KEYS = List.of(AgentOptions.JSON, AgentOptions.OUT, AgentOptions.CACHE,
            AgentOptions.SARIF, AgentOptions.HTML, AgentOptions.SOURCE_ROOT);

    private AttachCommands() {
    }

    /** {@code list}: one line per attachable JVM, {@code <pid> <main class or jar>}. */
    public static int list(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 0) {
            err.println("racedet: 'list' takes no arguments");
            return USAGE;
        }
        if (!attachAvailable(err)) {
            return FAILED;
        }
        for (AttachClient.Target target : AttachClient.list()) {
            String name = target.displayName().isEmpty() ? "(no main class known)" : target.displayName();
            out.println(printable(target.pid()) + " " + printable(name));
        }
        return OK;
    }

    /** {@code attach <pid> [key=value,...]}: options may also come as several arguments. */
    public static int attach(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || !isPid(args[0])) {
            err.println("racedet: usage: java -jar racedet.jar attach <pid> [key=value,key=value...]");
            return USAGE;
        }
        String options;
        try {
            options = absolutePaths(String.join(",", Arrays.copyOfRange(args, 1, args.length)));
        } catch (AgentOptions.InvalidOptionException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        String unsupported = unsupportedWithAttach(new AgentOptions(options));
        if (unsupported != null) {
            err.println(unsupported);
            return USAGE;
        }
        return send(args[0], AttachAgent.ATTACH, options, out, err);
    }

    /** {@code detach <pid>}. */
    public static int detach(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 || !isPid(args[0])) {
            err.println("racedet: usage: java -jar racedet.jar detach <pid>");
            return USAGE;
        }
        return send(args[0], AttachAgent.DETACH, "", out, err);
    }

    private static int send(String pid, String command, String options, PrintStream out, PrintStream err) {
        if (!attachAvailable(err)) {
            return FAILED;
        }
        Path jar;
        try {
            jar = Path.of(AttachCommands.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            err.println("racedet: cannot find racedet.jar: " + e);
            return FAILED;
        }
        String reply = AttachClient.send(pid, jar, command, options);
        if (reply.startsWith(AttachAgent.OK)) {
            out.println(oneLine(reply.substring(AttachAgent.OK.length())) + " [JVM " + pid + "]");
            return OK;
        }
        err.println(oneLine(reply));
        return FAILED;
    }

    /**
     * The option string validated (an {@link AgentOptions.InvalidOptionException} otherwise, with
     * the outputs checked as at startup) and with the {@code json}, {@code out} and {@code cache}
     * paths made absolute against this process's working directory.
     */
    static String absolutePaths(String optionString) {
        AgentOptions options = new AgentOptions(optionString);
        options.checkOutputs();
        StringBuilder result = new StringBuilder();
        for (String pair : options.toString().split(",")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (PATH_KEYS.contains(key) && !(key.equals(AgentOptions.CACHE) && value.equals(AgentOptions.NO_CACHE))) {
                value = Path.of(value).toAbsolutePath().normalize().toString();
            }
            result.append(result.length() == 0 ? "" : ",").append(key).append('=').append(value);
        }
        return new AgentOptions(result.toString()).toString(); // still valid: an absolute path has no ','
    }

    /**
     * Why {@code options} cannot be used with attach ({@code null} if they can): the exit status and
     * triage options are set up by the {@code -javaagent} startup only, for now, and an option that
     * silently did nothing would mislead.
     */
    public static String unsupportedWithAttach(AgentOptions options) {
        String key = options.getExitCode() != 0 ? AgentOptions.EXITCODE : options.isHalt() ? AgentOptions.HALT
                : options.getSuppress() != null ? AgentOptions.SUPPRESS
                : options.getBaseline() != null ? AgentOptions.BASELINE : null;
        return key == null ? null : "racedet: option '" + key + "' is not supported with attach (only with -javaagent)";
    }

    private static boolean attachAvailable(PrintStream err) {
        if (ModuleLayer.boot().findModule("jdk.attach").isEmpty()) {
            err.println("racedet: this java (" + System.getProperty("java.home") + ") has no jdk.attach module:"
                    + " run racedet's list, attach and detach with a JDK's java");
            return false;
        }
        return true;
    }

    private static boolean isPid(String s) {
        return !s.isEmpty() && s.length() <= 19 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    /** {@code text} with characters outside printable ASCII shown as '?': a display name cannot drive the terminal. */
    private static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(c >= 0x20 && c != 0x7F && !Character.isISOControl(c)
                && Character.getType(c) != Character.FORMAT ? c : '?'));
        return b.toString();
    }
}
