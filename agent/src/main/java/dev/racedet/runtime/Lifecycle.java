package dev.racedet.runtime;

import dev.racedet.runtime.report.JsonReport;
import dev.racedet.runtime.report.Race;
import dev.racedet.runtime.report.TextReport;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts the runtime and finishes it at JVM exit: a shutdown hook prints the summary line and writes
 * the JSON report, so both appear after a normal return, {@code System.exit} and an exception
 * escaping {@code main} alike.
 */
public final class Lifecycle {
    private Lifecycle() {
    }

    /**
     * Called once by the agent before any class is instrumented.
     *
     * @param textOut where reports and the summary go (standard error or the {@code out} file)
     * @param json where the JSON report goes at exit, or {@code null} for none
     */
    public static void start(PrintStream textOut, Path json) {
        Racedet.output().redirect(textOut);
        Thread hook = new Thread(() -> finish(json), "racedet-exit");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private static void finish(Path json) {
        List<Race> races = Racedet.reporter().races();
        long errors = InternalErrors.count();
        if (json != null) {
            try {
                Files.writeString(json, JsonReport.render(races, errors), StandardCharsets.UTF_8);
            } catch (Throwable e) {
                InternalErrors.record("writing the JSON report to " + json, e);
                errors = InternalErrors.count();
            }
        }
        Racedet.output().print(TextReport.summary(races, errors) + "\n");
    }

    /**
     * Called by the runtime, outside every lock racedet holds, right after a new distinct race was
     * recorded and printed: the JSON file on disk must soon include it.
     */
    public static void racesChanged() {
        // work in progress: see issue "Never break the host", item 5
    }
}
