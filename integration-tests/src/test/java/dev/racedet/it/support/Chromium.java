package dev.racedet.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for browser checks of the HTML report: Debian's {@code chromium} package,
 * installed with {@code apt-get} when {@code /usr/bin/chromium} is missing. A machine where it cannot
 * be installed fails the test with the reason; {@code -Dracedet.skipChromium=true} skips browser
 * tests explicitly (they are then reported as skipped, never as passed).
 */
public final class Chromium {
    /** The system property that skips browser tests. */
    public static final String SKIP_PROPERTY = "racedet.skipChromium";
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    /** Generous: an install downloads about 100 MB; a page dump takes a few seconds. */
    private static final long INSTALL_MINUTES = 15;
    private static final long DUMP_SECONDS = 120;
    private static boolean installTried;

    private Chromium() {
    }

    /**
     * The Chromium binary, installed first if needed. Skips the calling test when
     * {@value #SKIP_PROPERTY} is {@code true}; fails it with a clear message when Chromium is missing
     * and cannot be installed.
     */
    public static synchronized Path binary() throws IOException, InterruptedException {
        Assumptions.assumeFalse(Boolean.getBoolean(SKIP_PROPERTY),
                "browser checks skipped (-D" + SKIP_PROPERTY + "=true)");
        if (!Files.isExecutable(BINARY) && !installTried) {
            installTried = true;
            install();
        }
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing and could not be installed (see above); install"
                    + " Debian's chromium package, or skip browser checks with -D" + SKIP_PROPERTY + "=true");
        }
        return BINARY;
    }

    /** {@code apt-get install -y chromium}, after {@code apt-get update} if the first try fails. */
    private static void install() throws IOException, InterruptedException {
        String log = run(List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium"));
        if (log != null) {
            String update = run(List.of("apt-get", "update"));
            String retry = run(List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium"));
            if (retry != null) {
                throw new AssertionError("cannot install Chromium (apt-get install -y chromium, as root;"
                        + " skip browser checks with -D" + SKIP_PROPERTY + "=true):\n" + tail(log)
                        + (update == null ? "" : "\napt-get update:\n" + tail(update)) + "\nretry:\n" + tail(retry));
            }
        }
    }

    /** Runs an install command; {@code null} on success, else its output. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("racedet-apt", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage();
        }
        if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            return String.join(" ", command) + ": timed out after " + INSTALL_MINUTES + " minutes";
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        return process.exitValue() == 0 ? null : String.join(" ", command) + " exited " + process.exitValue() + "\n" + output;
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }

    /**
     * Loads {@code page} from {@code file://} in a fresh headless Chromium (its own empty profile, no
     * network access attempted) and returns the DOM after the page's scripts ran, as HTML.
     */
    public static String dumpDom(Path page) throws IOException, InterruptedException {
        Path chromium = binary();
        Path profile = Files.createTempDirectory("racedet-chromium");
        Path out = profile.resolveSibling(profile.getFileName() + ".dom.html");
        Path err = profile.resolveSibling(profile.getFileName() + ".stderr.txt");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--dump-dom", page.toUri().toString()));
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(DUMP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("Chromium did not finish within " + DUMP_SECONDS + " s: "
                        + String.join(" ", command) + "\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            String dom = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0 || dom.isBlank()) {
                throw new AssertionError("Chromium exited " + process.exitValue() + " with no page: "
                        + String.join(" ", command) + "\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            return dom;
        } finally {
            deleteTree(profile); // a profile is tens of MB; the DOM and stderr files stay for diagnosis
        }
    }

    /** Best effort: a helper process Chromium left behind may still be writing there. */
    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // leftovers in the temporary directory are harmless
        }
    }
}
