package dev.racedet.runtime;

import dev.racedet.runtime.report.JsonReport;
import dev.racedet.runtime.report.Frame;
import dev.racedet.runtime.report.HtmlReport;
import dev.racedet.runtime.report.Race;
import dev.racedet.runtime.report.SarifReport;
import dev.racedet.runtime.report.SourceLocator;
import dev.racedet.runtime.report.TextEscape;
import dev.racedet.runtime.report.TextReport;
import dev.racedet.runtime.triage.Verdicts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts the runtime's outputs and finishes them at JVM exit.
 *
 * <ul>
 * <li><b>JSON on disk at every moment.</b> The {@code json} file holds an empty report from startup
 *     on and is replaced whole ({@link JsonFile}) soon after each new race ({@link JsonRefresher}), so
 *     {@code kill -9}, {@code Runtime.halt} or a crash leave every race seen so far in valid JSON.</li>
 * <li><b>HTML too.</b> The {@code html} page ({@link #html}) is kept the same way, by the same thread,
 *     from the same list of races; the page says whether it is final.</li>
 * <li><b>SARIF too.</b> The {@code sarif} file ({@link #sarif}) is kept the same way, by the same
 *     thread, from the same list of races.</li>
 * <li><b>After the application.</b> The finisher writes the final JSON and then the summary line after
 *     the application's own shutdown hooks ({@link ExitHook}); a race found later is still printed.</li>
 * <li><b>Exit status.</b> With {@code exitcode=N}, a program that would have exited 0 after reported
 *     races (not suppressed, not in the baseline) exits with N: the finisher, last of the exit work,
 *     calls {@code Runtime.halt(N)} once the reports are written. With {@code halt=true}, the thread
 *     that found the first reported race runs the same exit work and halts the JVM right after printing
 *     it. A program's own non-zero status is kept ({@link ExitStatus}).</li>
 * <li><b>Exit path prepared.</b> Everything the finisher and {@link InternalErrors} use is loaded and
 *     run once at startup, so they work even when the application exhausted its stack or heap.</li>
 * </ul>
 */
public final class Lifecycle {
    private static final Object WRITE_LOCK = new Object();
    private static volatile JsonRefresher refresher;
    private static volatile Runnable atExit;
    private static JsonFile json;
    private static boolean jsonFailureReported;
    private static JsonFile html;
    private static boolean htmlFailureReported;
    /** Held while the exit work runs, by the finisher or by a {@code halt}: it runs once. */
    private static final Object EXIT_LOCK = new Object();
    private static boolean exitWorkDone;
    /** The {@code exitcode} status, 0 for none. */
    private static volatile int exitCode;
    private static volatile boolean haltOnRace;
    private static JsonFile sarif;
    private static SourceLocator sources = SourceLocator.none();
    private static boolean sarifFailureReported;

    private Lifecycle() {
    }

    /**
     * Called once by the agent, before any class is instrumented. A failure to open an output is
     * thrown: the agent turns it into a startup error.
     *
     * @param out the {@code out} file, or {@code null} for standard error
     * @param jsonPath the absolute {@code json} path, or {@code null} for no JSON report
     */
    public static void start(Path out, Path jsonPath) throws IOException {
        prepare();
        if (out != null) {
            Racedet.output().toFile(out);
        }
        if (jsonPath != null) {
            json = new JsonFile(jsonPath);
            if (json.replaceable()) {
                json.write(JsonReport.render(List.of(), 0, 0, 0, 0));
            }
        }
        if (html != null && html.replaceable()) {
            html.write(HtmlReport.render(List.of(), HtmlReport.About.now(0, 0, false)));
        }
        if (sarif != null && sarif.replaceable()) {
            sarif.write(SarifReport.render(List.of(), SourceLocator.none(), version()));
        }
        String problem = ExitHook.register(new Finisher());
        if (problem != null) {
            Racedet.output().print("racedet: cannot run after the application's shutdown hooks ("
                    + TextEscape.name(problem) + "): races found in them may be missing from the summary\n");
        }
        if (json != null && json.replaceable() || sarif != null && sarif.replaceable()
                || html != null && html.replaceable()) {
            refresher = JsonRefresher.start(Lifecycle::writeReports);
        }
    }

    /**
     * Called by the agent before {@link #start}, when the {@code html} option is given: {@code start}
     * then writes an empty page there, and the refresher and the exit work keep it up to date like the
     * {@code json} file (replaced whole, so a reader or a {@code kill -9} never sees half a page).
     *
     * @param htmlPath the absolute {@code html} path
     */
    public static void html(Path htmlPath) {
        html = new JsonFile(htmlPath);
    }

    /**
     * Called by the agent before {@link #start}, when the {@code sarif} option is given: {@code start}
     * then writes an empty SARIF log there, and the JSON refresher and the exit work keep it up to
     * date like the {@code json} file.
     *
     * @param sarifPath the absolute {@code sarif} path
     * @param sourceRoot the absolute {@code sourceRoot} directory, or {@code null} to find the
     *     repository root from the working directory ({@link SourceLocator})
     */
    public static void sarif(Path sarifPath, Path sourceRoot) {
        sarif = new JsonFile(sarifPath);
        sources = SourceLocator.of(Path.of("").toAbsolutePath(), sourceRoot);
    }

    /** racedet's version as the jar's manifest gives it, for reports that name the tool. */
    private static String version() {
        Package p = Lifecycle.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    /** The refresher's work: every report file that is kept up to date. */
    private static void writeReports() {
        List<Race> races = Racedet.reporter().races();
        if (json != null && json.replaceable()) {
            writeJson(races);
        }
        if (sarif != null && sarif.replaceable()) {
            writeSarif(races);
        }
        if (html != null && html.replaceable()) {
            writeHtml(races, false);
        }
    }

    /** Writes the HTML page of {@code races}; a failure is reported once and counted. */
    private static void writeHtml(List<Race> races, boolean complete) {
        synchronized (WRITE_LOCK) {
            try {
                html.write(HtmlReport.render(races, HtmlReport.About.now(InternalErrors.count(),
                        InternalErrors.skippedEvents(), complete)));
            } catch (IOException | RuntimeException e) {
                if (!htmlFailureReported) {
                    htmlFailureReported = true;
                    InternalErrors.recordReported();
                    Racedet.output().print("racedet: cannot write the 'html' file "
                            + TextEscape.name(html.path().toString()) + " (" + TextEscape.name(String.valueOf(e))
                            + ")\n");
                }
            }
        }
    }

    /** Writes the SARIF log of {@code races}; a failure is reported once and counted. */
    private static void writeSarif(List<Race> races) {
        synchronized (WRITE_LOCK) {
            try {
                sarif.write(SarifReport.render(races, sources, version()));
            } catch (IOException | RuntimeException e) {
                if (!sarifFailureReported) {
                    sarifFailureReported = true;
                    InternalErrors.recordReported();
                    Racedet.output().print("racedet: cannot write the 'sarif' file "
                            + TextEscape.name(sarif.path().toString()) + " (" + TextEscape.name(String.valueOf(e))
                            + ")\n");
                }
            }
        }
    }

    /**
     * Sets what races do to the JVM's exit: {@code exitCode} (1-255, 0 for none) replaces a status of
     * 0 when reported races were found; {@code halt} stops the JVM after the first one. Called once by
     * the agent at startup.
     */
    public static void configureExit(int exitCode, boolean halt) {
        Lifecycle.exitCode = exitCode;
        Lifecycle.haltOnRace = halt;
    }

    /** Registers racedet's own work to run first at exit (one piece; a later call replaces it). */
    public static void atExit(Runnable work) {
        atExit = work;
    }

    /**
     * Called by the runtime, outside every lock racedet holds, right after a new distinct race was
     * recorded and printed: the JSON file on disk will include it soon, written by racedet's own
     * thread. Cheap and allocation-free; never blocks.
     */
    public static void racesChanged() {
        if (haltOnRace && Verdicts.firstReportedByCurrentThread()) {
            haltNow();
        }
        JsonRefresher r = refresher;
        if (r != null) {
            r.request();
        }
    }

    /**
     * {@code halt}: runs the exit work (reports, summary) unless it already ran, then stops the JVM.
     * Called by the thread that found the first reported race, after printing it, holding no lock of
     * racedet's. If the finisher is running already, this waits for it: it applies the status itself.
     */
    private static void haltNow() {
        int status = ExitStatus.programStatus();
        synchronized (EXIT_LOCK) {
            if (exitWorkDone) {
                return;
            }
            exitWorkDone = true;
            try {
                if (status == 0) {
                    status = haltStatus();
                    Verdicts.exitStatusApplied(status);
                }
                finish();
            } finally {
                Runtime.getRuntime().halt(status);
            }
        }
    }

    /** The status {@code halt} stops the JVM with: {@code exitcode}, else 66 (ThreadSanitizer's). */
    private static int haltStatus() {
        return exitCode != 0 ? exitCode : 66;
    }

    /**
     * The status racedet imposes at exit, or {@link Verdicts#NO_EXIT_STATUS}: {@code exitcode} (or the
     * {@code halt} status) when reported races were found and the program would exit with 0.
     */
    private static int imposedStatus() {
        int wanted = exitCode != 0 ? exitCode : haltOnRace ? haltStatus() : 0;
        return wanted != 0 && Verdicts.reported() > 0 && ExitStatus.programStatus() == 0
                ? wanted : Verdicts.NO_EXIT_STATUS;
    }

    /** Writes the JSON report of {@code races}; a failure is reported once and counted. */
    private static void writeJson(List<Race> races) {
        synchronized (WRITE_LOCK) {
            try {
                json.write(JsonReport.render(races, InternalErrors.count(), InternalErrors.skippedEvents(),
                        Racedet.clockSlots(), Racedet.sharedSlots()));
            } catch (IOException | RuntimeException e) {
                if (!jsonFailureReported) {
                    jsonFailureReported = true;
                    InternalErrors.recordReported();
                    Racedet.output().print("racedet: cannot write the 'json' file "
                            + TextEscape.name(json.path().toString()) + " (" + TextEscape.name(String.valueOf(e))
                            + ")\n");
                }
            }
        }
    }

    /**
     * Runs every piece of the exit path once, so that its classes are loaded and initialized now and
     * not first at exit, maybe on a thread with no stack or heap left.
     */
    private static void prepare() {
        InternalErrors.prepare();
        Race sample = new Race(0, "a.B.c",
                new Race.Access("t", true, "a.B.m(B.java:1)", List.of(new Frame("a.B", "m", "B.java", 1))),
                new Race.Access("u", false, "a.B.n(B.java:2)", List.of(new Frame("a.B", "n", "B.java", 2))));
        sample.repeated();
        TextReport.race(sample);
        JsonReport.render(List.of(sample), 1, 1, 1, 1);
        SarifReport.render(List.of(sample), SourceLocator.none(), version());
        TextReport.summary(List.of(sample), 1, 1);
        HtmlReport.render(List.of(sample), HtmlReport.About.now(1, 1, true));
        Racedet.reporter().races();
        Verdicts.isKnown(sample);
        Verdicts.firstReportedByCurrentThread();
        ExitStatus.programStatus();
        imposedStatus();
        Runtime.getRuntime();
    }

    /** The exit work: final JSON, then the summary line, then the exit status if racedet imposes one. */
    private static final class Finisher implements Runnable {
        @Override
        public void run() {
            boolean began = Racedet.beginInternal();
            try {
                synchronized (EXIT_LOCK) {
                    if (exitWorkDone) {
                        return; // a halt ran it: the JVM is stopping
                    }
                    exitWorkDone = true;
                    try {
                        finish();
                    } finally {
                        int status = Verdicts.exitStatusApplied();
                        if (status != Verdicts.NO_EXIT_STATUS) {
                            // the last of the exit work (racedet has the latest shutdown slot), so
                            // halting here cuts nothing short
                            Runtime.getRuntime().halt(status);
                        }
                    }
                }
            } finally {
                Racedet.endInternal(began);
            }
        }
    }

    /**
     * Runs racedet's exit work, writes the final JSON and prints the summary; decides the exit status
     * first (unless a halt did), so both say it. Holding {@link #EXIT_LOCK}.
     */
    private static void finish() {
        Runnable work = atExit;
        if (work != null) {
            try {
                work.run();
            } catch (Throwable e) {
                InternalErrors.record("work at exit", e);
            }
        }
        try {
            if (Verdicts.exitStatusApplied() == Verdicts.NO_EXIT_STATUS) {
                Verdicts.exitStatusApplied(imposedStatus());
            }
        } catch (Throwable e) {
            InternalErrors.record("deciding the exit status", e);
        }
        List<Race> races = List.of();
        try {
            races = Racedet.reporter().races();
            if (json != null) {
                writeJson(races);
            }
        } catch (Throwable e) {
            InternalErrors.record("writing the JSON report at exit", e);
        }
        try {
            if (html != null) {
                writeHtml(races, true);
            }
        } catch (Throwable e) {
            InternalErrors.record("writing the HTML report at exit", e);
        }
        try {
            if (sarif != null) {
                writeSarif(races);
            }
        } catch (Throwable e) {
            InternalErrors.record("writing the SARIF report at exit", e);
        }
        try {
            Racedet.output().print(TextReport.summary(races, InternalErrors.count(),
                    InternalErrors.skippedEvents()) + "\n");
        } catch (Throwable e) {
            InternalErrors.record("printing the summary at exit", e);
        }
    }
}
