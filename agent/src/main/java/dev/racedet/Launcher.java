package dev.racedet;

import dev.racedet.agent.AgentOptions;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code Main-Class} of racedet.jar: {@code java -jar racedet.jar} prints how to use the agent
 * and its options. racedet runs as an agent ({@link Premain}); this entry point only documents it.
 */
public final class Launcher {
    /** Exit status for a command line this launcher does not understand. */
    static final int USAGE_ERROR = 2;

    /** One sub-command of {@code java -jar racedet.jar}: its arguments exclude the command name. */
    @FunctionalInterface
    interface Command {
        /** Runs with {@code args} (after the command name); returns the exit status. */
        int run(String[] args, PrintStream out, PrintStream err);
    }

    /**
     * The sub-commands by name, in the order the usage lists them. Each lives in its own class; this
     * table is the only place that names them.
     */
    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        // Sub-commands register here, one line each, e.g. COMMANDS.put("list", ListCommand::run);
        COMMANDS.put("merge", dev.racedet.merge.MergeCommand::run);
        COMMANDS.put("baseline", dev.racedet.agent.BaselineCommand::run);
    }

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line {@code args}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(AgentOptions.usage());
            return 0;
        }
        Command command = COMMANDS.get(args[0]);
        if (command != null) {
            return command.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        err.println("racedet: unknown command '" + printable(args[0])
                + "' (java -jar racedet.jar prints the usage)");
        return USAGE_ERROR;
    }

    /** {@code text} with every character outside printable ASCII shown as '?', so it stays one line. */
    private static String printable(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), 80));
        for (int i = 0; i < text.length() && i < 80; i++) {
            char c = text.charAt(i);
            b.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return text.length() > 80 ? b.append("...").toString() : b.toString();
    }
}
