package dev.racedet.runtime;

/**
 * What exit status the program itself chose, learned from hooks in the JDK ({@code JdkThreadHooks}),
 * so that racedet's {@code exitcode} replaces only a status of 0:
 * <ul>
 * <li>{@code java.lang.Shutdown.exit(int)}, right before it runs the shutdown hooks (so only the
 *     thread whose exit wins): {@link #exiting}. Covers {@code System.exit}, {@code Runtime.exit} and
 *     the JDK's own exits (a signal: 128 + its number).</li>
 * <li>{@code Thread.dispatchUncaughtException}, at entry: {@link #uncaught}. The launcher exits with 1
 *     when {@code main} threw, after the JVM dispatched the exception on the main thread.</li>
 * </ul>
 * When neither happened, the JVM is ending because {@code main} returned and the last non-daemon
 * thread ended (status 0). The hooks only write two fields: they cannot throw or block.
 */
public final class ExitStatus {
    private static final int UNKNOWN = Integer.MIN_VALUE;
    private static final String MAIN = "main";

    private static volatile Thread mainThread;
    private static volatile int exitStatus = UNKNOWN;
    private static volatile boolean mainThrew;

    private ExitStatus() {
    }

    /**
     * Called by the agent at startup with the thread it starts on: from {@code premain}, the JVM's
     * main thread. Any other thread (an agent attached later) is ignored: the main thread is then
     * recognized by its name, {@code main}, when it ends.
     */
    public static void setMainThread(Thread thread) {
        if (MAIN.equals(thread.getName())) {
            mainThread = thread;
        }
    }

    /** Hook: {@code Shutdown.exit(status)} is about to run the shutdown hooks. */
    public static void exiting(int status) {
        if (exitStatus == UNKNOWN) {
            exitStatus = status;
        }
    }

    /** Hook: {@code thread} ends with an uncaught exception. */
    public static void uncaught(Thread thread) {
        Thread main = mainThread;
        // Thread.getName is final: no application code runs here
        if (thread != null && (main != null ? thread == main : MAIN.equals(thread.getName()))) {
            mainThrew = true;
        }
    }

    /**
     * The status the JVM will exit with if racedet leaves it alone, as far as racedet can tell at
     * exit: the status given to {@code exit}, else 1 if {@code main} threw, else 0.
     */
    static int programStatus() {
        int status = exitStatus;
        if (status != UNKNOWN) {
            return status;
        }
        return mainThrew ? 1 : 0;
    }
}
