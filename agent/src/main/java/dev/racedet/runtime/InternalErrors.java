package dev.racedet.runtime;

import dev.racedet.runtime.report.TextEscape;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Counts racedet's own failures. Nothing racedet does may throw into the application: every hook
 * and the transformer catch everything and land here. The first failure is logged with its stack,
 * the others are counted, and the exit summary gives the total.
 *
 * <p>A {@link VirtualMachineError} (a {@link StackOverflowError} in a hook called near the end of the
 * application's stack, an {@link OutOfMemoryError}) is not racedet's fault: it is counted as a
 * <em>skipped event</em>, never logged. The class is initialized by the agent at startup
 * ({@link #prepare()}), so recording works even when it is first needed with no stack left.
 */
public final class InternalErrors {
    // Plain counters under this class's lock: racedet's own classes are never instrumented, while an
    // AtomicLong's would call racedet's hooks again from the path that reports their failure.
    private static long count;
    private static long skipped;
    private static boolean traced;

    private InternalErrors() {
    }

    /** Records a failure of racedet itself; never throws. */
    public static void record(String what, Throwable error) {
        try {
            // kept first and allocation-free: this is the path taken with no stack or heap left
            if (error instanceof VirtualMachineError) {
                countSkipped();
                return;
            }
            if (countFirst()) {
                StringWriter stack = new StringWriter();
                error.printStackTrace(new PrintWriter(stack));
                Racedet.output().print("racedet: internal error (further ones are only counted): "
                        + TextEscape.name(what) + "\n" + TextEscape.lines(stack.toString()));
            }
        } catch (Throwable ignored) {
            // the error path itself failed: nothing safe is left to do
        }
    }

    private static synchronized void countSkipped() {
        skipped++;
    }

    /** Counts a failure; true for the first one, which is traced. */
    private static synchronized boolean countFirst() {
        count++;
        boolean first = !traced;
        traced = true;
        return first;
    }

    /** Counts a failure whose one line the caller has already printed (e.g. an output that failed). */
    static synchronized void recordReported() {
        count++;
    }

    public static synchronized long count() {
        return count;
    }

    /** Events the hooks skipped because the stack or the heap was exhausted. */
    public static synchronized long skippedEvents() {
        return skipped;
    }

    /** Loads and initializes everything {@link #record} needs, so it works on an exhausted stack. */
    static void prepare() {
        StringWriter sink = new StringWriter();
        new IllegalStateException("warm-up").printStackTrace(new PrintWriter(sink));
        TextEscape.lines(sink.toString());
        count();
        skippedEvents();
    }
}
