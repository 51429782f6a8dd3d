package dev.racedet.runtime;

import dev.racedet.runtime.report.JsonReport;
import dev.racedet.runtime.report.Race;
import dev.racedet.runtime.report.TextReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The reports written when an attached session ends ({@code java -jar racedet.jar detach}, or the
 * {@code duration} option): the JSON file with every race so far and the summary line, now rather
 * than at JVM exit. The exit work registered at attach ({@link Lifecycle}) still runs when the JVM
 * exits and writes them once more, with anything found after detaching by frames that were still
 * running instrumented code.
 *
 * <p>The JSON goes through a temporary file of its own ({@code .<name>.racedet-detach}) and an
 * atomic rename, so it cannot mix with a write of racedet's JSON thread. A {@code json} path that is
 * not a regular file is left to the exit work, which writes such paths once. Never throws: a failure
 * is reported once and counted.
 */
public final class DetachReports {
    private DetachReports() {
    }

    /** Writes the JSON report to {@code json} (absolute, or {@code null} for none), then prints the summary. */
    public static void write(Path json) {
        List<Race> races = List.of();
        try {
            races = Racedet.reporter().races();
            if (json != null && (!Files.exists(json, LinkOption.NOFOLLOW_LINKS)
                    || Files.isRegularFile(json, LinkOption.NOFOLLOW_LINKS))) {
                writeJson(json, JsonReport.render(races, InternalErrors.count(), InternalErrors.skippedEvents(),
                        Racedet.clockSlots(), Racedet.sharedSlots()));
            }
        } catch (Throwable e) {
            InternalErrors.record("writing the JSON report when detaching", e);
        }
        try {
            Racedet.output().print(TextReport.summary(races, InternalErrors.count(), InternalErrors.skippedEvents())
                    + " (detached)\n");
        } catch (Throwable e) {
            InternalErrors.record("printing the summary when detaching", e);
        }
    }

    private static void writeJson(Path json, String text) throws IOException {
        Path temporary = json.resolveSibling("." + json.getFileName() + ".racedet-detach");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, json, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, json, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
