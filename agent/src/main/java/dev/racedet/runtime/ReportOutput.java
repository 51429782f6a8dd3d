package dev.racedet.runtime;

import java.io.PrintStream;

/**
 * Where racedet's text goes: standard error, or the file named by the {@code out} option. Each block
 * is written whole, so reports from several threads never interleave.
 */
final class ReportOutput {
    private volatile PrintStream stream = System.err;

    void redirect(PrintStream to) {
        stream = to;
    }

    void print(String block) {
        PrintStream s = stream;
        synchronized (this) {
            s.print(block);
            s.flush();
        }
    }
}
