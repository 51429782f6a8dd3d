package dev.racedet.runtime;

import dev.racedet.runtime.report.TextEscape;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where racedet's text goes: standard error, or the file named by the {@code out} option. Each block
 * is written whole and flushed, so reports from several threads never interleave and nothing waits
 * in a buffer when the JVM dies.
 *
 * <p>An output that cannot be written (a full disk, a closed stream) is reported once, on standard
 * error, and counted as an internal error; after a failed {@code out} file every block goes to
 * standard error instead. {@link PrintStream} swallows write errors, so standard error is checked
 * with {@link PrintStream#checkError()} after each block.
 */
final class ReportOutput {
    /** Standard error as it was when the agent started: an application's {@code System.setErr} does not move us. */
    private final PrintStream stderr = System.err;
    private OutputStream file;
    private String fileName;
    private boolean stderrFailed;

    /** Sends every later block to {@code path} (created or emptied), in UTF-8. */
    synchronized void toFile(Path path) throws IOException {
        file = new FileOutputStream(path.toFile());
        fileName = path.toString();
    }

    void print(String block) {
        synchronized (this) {
            if (file != null && writeFile(block)) {
                return;
            }
            writeStderr(block);
        }
    }

    /** Whether the block reached the file; on failure the file is dropped for good. */
    private boolean writeFile(String block) {
        try {
            file.write(block.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException | RuntimeException e) {
            OutputStream failed = file;
            file = null;
            closeQuietly(failed);
            writeStderr("racedet: cannot write the 'out' file " + TextEscape.name(fileName) + " ("
                    + TextEscape.name(String.valueOf(e.getMessage())) + "): reports go to standard error from now on\n");
            InternalErrors.recordReported();
            return false;
        }
    }

    private void writeStderr(String block) {
        if (stderrFailed) {
            return;
        }
        stderr.print(block);
        if (stderr.checkError()) {
            // nowhere left to say it: counted once, then racedet stays silent
            stderrFailed = true;
            InternalErrors.recordReported();
        }
    }

    private static void closeQuietly(OutputStream s) {
        try {
            s.close();
        } catch (IOException | RuntimeException ignored) {
            // already failed; the failure was reported
        }
    }
}
