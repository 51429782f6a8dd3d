package dev.racedet.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts racedet's own failures. Nothing racedet does may throw into the application: every hook
 * and the transformer catch everything and land here. The first failure is logged with its stack,
 * the others are counted, and the exit summary gives the total.
 */
public final class InternalErrors {
    private static final AtomicLong COUNT = new AtomicLong();

    private InternalErrors() {
    }

    /** Records a failure of racedet itself; never throws. */
    public static void record(String what, Throwable error) {
        try {
            if (COUNT.incrementAndGet() == 1) {
                StringWriter stack = new StringWriter();
                error.printStackTrace(new PrintWriter(stack));
                Racedet.output().print("racedet: internal error (further ones are only counted): "
                        + what + "\n" + stack);
            }
        } catch (Throwable ignored) {
            // the error path itself failed: nothing safe is left to do
        }
    }

    public static long count() {
        return COUNT.get();
    }
}
