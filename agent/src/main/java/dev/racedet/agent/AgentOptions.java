package dev.racedet.agent;

import dev.racedet.runtime.triage.Baseline;
import dev.racedet.runtime.triage.SuppressionRules;
import dev.racedet.runtime.triage.TriageFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's option string, {@code key=value,key=value}, as given after {@code -javaagent:racedet.jar=}.
 * This class owns every key: its constant, meaning and default. Unknown keys, malformed pairs and bad
 * values are rejected with an {@link InvalidOptionException} whose message is one line naming the
 * problem and what is valid. {@link #toString()} gives back a string that parses to equal options,
 * so tests build {@code -javaagent:} lines from this class.
 */
public final class AgentOptions {
    /**
     * Classes to instrument: {@code :}-separated patterns of binary class names, where {@code *} is any
     * run of characters (dots included) and {@code ?} one character. Default: every class outside the
     * JDK and racedet.
     */
    public static final String INCLUDE = "include";
    /** Classes not to instrument, same syntax as {@link #INCLUDE}, subtracted from it. Default: none. */
    public static final String EXCLUDE = "exclude";
    /**
     * File holding the JSON report: an empty report from startup on, replaced whole soon after each new
     * race and at JVM exit. Must not be the {@link #OUT} file. Default: none.
     */
    public static final String JSON = "json";
    /** File to write the text reports and the summary to, instead of standard error. Default: stderr. */
    public static final String OUT = "out";
    /**
     * Diagnostic: the clock value at which a thread moves to a fresh clock slot, a whole number of at
     * least {@value #MIN_CLOCK_LIMIT}; lowering it tests the rollover quickly. Default
     * {@value #DEFAULT_CLOCK_LIMIT} (2^40 - 1).
     */
    public static final String CLOCK_LIMIT = "clockLimit";
    /**
     * Directory where racedet keeps the JDK classes it instrumented, so later JVMs of the same JDK
     * and racedet build start fast; {@value #NO_CACHE} for none. Created private to the user; a
     * directory other users can write is not used. Default {@code ~/.cache/racedet}.
     */
    public static final String CACHE = "cache";
    /**
     * Most frames shown of each stack of a report (the current access's, the previous access's, where
     * each thread started), from 1 to {@value #MAX_STACKS}. Default {@value #DEFAULT_STACKS}.
     */
    public static final String STACKS = "stacks";
    /** Default of {@link #STACKS}. */
    public static final int DEFAULT_STACKS = 32;
    /** Largest valid {@link #STACKS}. */
    public static final int MAX_STACKS = 1024;
    /**
     * File holding the SARIF 2.1.0 log of the races (for code scanning): an empty log from startup on,
     * replaced whole soon after each new race and at exit, like {@link #JSON}. Must not be the
     * {@link #OUT} or {@link #JSON} file. Default: none.
     */
    public static final String SARIF = "sarif";
    /**
     * Directory SARIF file locations are relative to (the repository root). Default: the nearest
     * directory at or above the working directory holding {@code .git}, else the working directory.
     */
    public static final String SOURCE_ROOT = "sourceRoot";
    /**
     * How long an attached session lasts ({@code java -jar racedet.jar attach <pid> duration=5m}):
     * after it racedet detaches by itself, as {@code detach} would. A whole number followed by
     * {@code ms}, {@code s}, {@code m} or {@code h}. Only for attach: a {@code -javaagent} session
     * cannot be detached (classes loaded under it carry racedet's fields), so there it is a startup
     * error. Default: until {@code detach} or JVM exit.
     */
    public static final String DURATION = "duration";
    /** The {@link #CACHE} value that turns the cache off. */
    public static final String NO_CACHE = "none";
    /**
     * Exit status of the JVM when races were reported (not suppressed, not in the {@link #BASELINE})
     * and the program would have exited with 0: a whole number from 0 to 255; ThreadSanitizer uses 66.
     * A program's own non-zero status (an {@code exit(3)}, an exception thrown from {@code main}) is
     * kept. Default 0: racedet never changes the exit status.
     */
    public static final String EXITCODE = "exitcode";
    /**
     * {@code true}: stop the JVM ({@code Runtime.halt}, shutdown hooks do not run) right after the
     * first reported race was printed and every report file written, with status {@link #EXITCODE},
     * or {@value #DEFAULT_HALT_STATUS} when that is 0. Default {@code false}.
     */
    public static final String HALT = "halt";
    /**
     * File of suppression rules, one per line ({@code field:}, {@code class:}, {@code method:},
     * {@code package:}, {@code frame:} or {@code race:} and a pattern with {@code *} wildcards;
     * {@code #} comments). Suppressed races are only counted. Read and checked at startup. Default: none.
     */
    public static final String SUPPRESS = "suppress";
    /**
     * File of known race ids ({@code R7e7ce03d}, one per line, {@code #} comments, text after the id
     * ignored): those races are reported as known and do not count for {@link #EXITCODE} and
     * {@link #HALT}. {@code java -jar racedet.jar baseline report.json} writes one. Default: none.
     */
    public static final String BASELINE = "baseline";
    /** The status {@link #HALT} stops the JVM with when {@link #EXITCODE} is 0: ThreadSanitizer's. */
    public static final int DEFAULT_HALT_STATUS = 66;
    /**
     * File holding the HTML report: one self-contained page (nothing loaded from elsewhere, works from
     * {@code file://}) with both stacks of each race side by side and a timeline of the two threads.
     * An empty page from startup on, replaced whole soon after each new race and at exit, like
     * {@link #JSON}. Must not be the {@link #OUT} or {@link #JSON} file. Default: none.
     */
    public static final String HTML = "html";

    /** Every valid key, in the order the README lists them. */
    public static final List<String> KEYS = List.of(INCLUDE, EXCLUDE, JSON, OUT, STACKS, CACHE, CLOCK_LIMIT,
            EXITCODE, HALT, SUPPRESS, BASELINE, SARIF, SOURCE_ROOT, HTML, DURATION);

    /** One line per key for the usage text ({@link #usage()}), in {@link #KEYS} order. */
    private static final List<String> KEY_LINES = List.of(
            "include=PATTERNS   classes to check, ':'-separated, '*' any run, '?' one character"
                    + " (default: every class outside the JDK and racedet)",
            "exclude=PATTERNS   classes not to check, subtracted from include (default: none)",
            "json=FILE          JSON report, kept up to date while the program runs (default: none)",
            "out=FILE           text reports and summary (default: standard error)",
            "stacks=N           most frames shown of each stack, 1 to " + MAX_STACKS + " (default: " + DEFAULT_STACKS + ")",
            "cache=DIR|none     where instrumented JDK classes are kept for the next JVM"
                    + " (default: ~/.cache/racedet)",
            "clockLimit=N       diagnostic: clock value at which a thread moves to a fresh slot"
                    + " (default: 2^40 - 1)",
            "exitcode=N         exit status (0-255) when races were reported and the program exited 0,"
                    + " e.g. 66 (default: 0, status unchanged)",
            "halt=true|false    stop the JVM after the first reported race, with status exitcode or 66"
                    + " (default: false)",
            "suppress=FILE      suppression rules: field:, class:, method:, package:, frame:, race: patterns"
                    + " (default: none)",
            "baseline=FILE      ids of known races, not counted for exitcode and halt (default: none)",
            "sarif=FILE         SARIF 2.1.0 report for code scanning, kept up to date like json (default: none)",
            "sourceRoot=DIR     what SARIF file paths are relative to (default: the enclosing git"
                    + " repository, else the working directory)",
            "html=FILE          self-contained HTML page of the races, kept up to date like json (default: none)",
            "duration=TIME      attach only: detach by itself after TIME, e.g. 500ms, 30s, 5m, 2h"
                    + " (default: until detach)");

    /** Default of {@link #CLOCK_LIMIT}. */
    public static final long DEFAULT_CLOCK_LIMIT = (1L << 40) - 1;
    /** Longest {@link #DURATION}: 100 days. */
    private static final long MAX_DURATION_MILLIS = 100L * 24 * 3_600_000L;
    /** Smallest valid {@link #CLOCK_LIMIT}. */
    public static final long MIN_CLOCK_LIMIT = 16;
    /** Longest value quoted in full in a message; longer ones are cut, so the message stays readable. */
    private static final int QUOTED_VALUE_MAX = 80;

    /** Thrown for a bad option string; the message is the one line printed before the JVM exits. */
    public static final class InvalidOptionException extends IllegalArgumentException {
        InvalidOptionException(String message) {
            super("racedet: " + message + " (valid options: " + String.join(", ", KEYS)
                    + "; syntax: -javaagent:racedet.jar=key=value,key=value)");
        }
    }

    /**
     * The usage text {@code java -jar racedet.jar} prints: how to attach the agent and every option,
     * one line each (the README's option table has the full story).
     */
    public static String usage() {
        StringBuilder text = new StringBuilder()
                .append("racedet: a data-race detector for the JVM\n\n")
                .append("Usage: java -javaagent:racedet.jar[=key=value,key=value...] [java options] MainClass|-jar app.jar\n\n")
                .append("Options:\n");
        for (String line : KEY_LINES) {
            text.append("  ").append(line).append('\n');
        }
        return text.append("\nExample: java -javaagent:racedet.jar=include=com.acme.*,json=races.json -jar app.jar\n")
                .append(ATTACH_USAGE)
                .toString();
    }

    /** The usage of {@code java -jar racedet.jar list|attach|detach} ({@code dev.racedet.attach}). */
    private static final String ATTACH_USAGE = """

            Reports:
              java -jar racedet.jar merge <out.json> <in.json>...   one report from several (forks): races by id, counts summed
              java -jar racedet.jar baseline <report.json>...       the ids of their races, for the baseline option

            Debugging a running JVM (run with a JDK's java: it needs the jdk.attach module):
              java -jar racedet.jar list                    attachable JVMs: pid and main class
              java -jar racedet.jar attach <pid> [options]  check it from now on, e.g. attach 4242 json=races.json,duration=5m
                                                            (file paths are resolved against this directory)
              java -jar racedet.jar detach <pid>            remove racedet and write its reports; the JVM runs on
            A JDK 21+ JVM prints a warning when an agent is attached unless it was started with
            -XX:+EnableDynamicAgentLoading (JEP 451); attaching works either way.
            """;

    private final Map<String, String> values = new LinkedHashMap<>();

    /** Options with every key at its default. */
    public AgentOptions() {
    }

    /** Parses an option string; {@code null} or empty means all defaults. */
    public AgentOptions(String options) {
        if (options == null || options.isEmpty()) {
            return;
        }
        for (String pair : options.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidOptionException("malformed option '" + pair + "': expected key=value");
            }
            String key = pair.substring(0, eq);
            if (values.containsKey(key)) {
                throw new InvalidOptionException("option '" + key + "' given twice");
            }
            set(key, pair.substring(eq + 1));
        }
    }

    private AgentOptions set(String key, String value) {
        if (!KEYS.contains(key)) {
            throw new InvalidOptionException("unknown option '" + key + "'");
        }
        if (value.contains(",")) {
            throw new InvalidOptionException("value of '" + key + "' must not contain ','");
        }
        switch (key) {
            case INCLUDE, EXCLUDE -> {
                if (!ClassPatterns.isValid(value)) {
                    throw new InvalidOptionException("bad value '" + quoted(value) + "' for '" + key
                            + "': expected class name patterns like com.acme.* separated by ':'");
                }
            }
            case CLOCK_LIMIT -> parseClockLimit(value);
            case SOURCE_ROOT -> {
                if (value.isEmpty() || !Files.isDirectory(absolute(value))) {
                    throw new InvalidOptionException("bad value '" + quoted(value) + "' for '" + key
                            + "': expected an existing directory");
                }
            }
            case STACKS -> parseStacks(value);
            case DURATION -> parseDuration(value);
            case CACHE -> {
                if (value.isEmpty()) {
                    throw new InvalidOptionException("option '" + key + "' needs a directory or '" + NO_CACHE + "'");
                }
            }
            case EXITCODE -> parseExitCode(value);
            case HALT -> parseBoolean(key, value);
            case JSON, OUT, SARIF, HTML -> {
                if (value.isEmpty()) {
                    throw new InvalidOptionException("option '" + key + "' needs a file path");
                }
                String problem = FileNames.problem(value);
                if (problem != null) {
                    throw new InvalidOptionException("bad file name '" + quoted(value) + "' for '" + key + "': " + problem);
                }
            }
            default -> {
                if (value.isEmpty()) {
                    throw new InvalidOptionException("option '" + key + "' needs a file path");
                }
            }
        }
        values.put(key, value);
        return this;
    }

    private static long parseClockLimit(String value) {
        long limit;
        try {
            limit = Long.parseLong(value);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < MIN_CLOCK_LIMIT) {
            throw new InvalidOptionException("bad value '" + quoted(value) + "' for '" + CLOCK_LIMIT
                    + "': expected a whole number from " + MIN_CLOCK_LIMIT + " to " + Long.MAX_VALUE);
        }
        return limit;
    }

    private static int parseExitCode(String value) {
        int status = -1;
        if (value.length() <= 3 && !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            status = Integer.parseInt(value);
        }
        if (status < 0 || status > 255) {
            throw new InvalidOptionException("bad value '" + quoted(value) + "' for '" + EXITCODE
                    + "': expected a whole number from 0 to 255");
        }
        return status;
    }

    private static boolean parseBoolean(String key, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidOptionException("bad value '" + quoted(value) + "' for '" + key + "': expected true or false");
        }
        return value.equals("true");
    }

    private static int parseStacks(String value) {
        int depth;
        try {
            depth = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            depth = -1;
        }
        if (depth < 1 || depth > MAX_STACKS) {
            throw new InvalidOptionException("bad value '" + quoted(value) + "' for '" + STACKS
                    + "': expected a whole number from 1 to " + MAX_STACKS);
        }
        return depth;
    }

    /** Milliseconds of a {@link #DURATION} value: a whole number and a unit, at least 1 ms, at most 100 days. */
    private static long parseDuration(String value) {
        int digits = 0;
        while (digits < value.length() && digits < 12 && value.charAt(digits) >= '0' && value.charAt(digits) <= '9') {
            digits++;
        }
        long unit = switch (value.substring(digits)) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> -1L;
        };
        long millis = digits == 0 || unit < 0 ? -1 : Long.parseLong(value.substring(0, digits)) * unit;
        if (millis < 1 || millis > MAX_DURATION_MILLIS) {
            throw new InvalidOptionException("bad value '" + quoted(value) + "' for '" + DURATION
                    + "': expected a whole number and a unit (ms, s, m, h), e.g. 30s or 5m, at most 100 days");
        }
        return millis;
    }

    /** The value as a message quotes it: cut after {@value #QUOTED_VALUE_MAX} characters. */
    private static String quoted(String value) {
        return value.length() <= QUOTED_VALUE_MAX ? value
                : value.substring(0, QUOTED_VALUE_MAX) + "... (" + value.length() + " characters)";
    }

    /** {@link #INCLUDE}, or {@code null} for the default. */
    public String getInclude() {
        return values.get(INCLUDE);
    }

    public AgentOptions setInclude(String patterns) {
        return set(INCLUDE, patterns);
    }

    /** {@link #EXCLUDE}, or {@code null} for none. */
    public String getExclude() {
        return values.get(EXCLUDE);
    }

    public AgentOptions setExclude(String patterns) {
        return set(EXCLUDE, patterns);
    }

    /** {@link #JSON} with its placeholders expanded ({@link FileNames}), or {@code null} for no JSON report. */
    public String getJson() {
        return expanded(JSON);
    }

    public AgentOptions setJson(String path) {
        return set(JSON, path);
    }

    /** {@link #OUT} with its placeholders expanded ({@link FileNames}), or {@code null} for standard error. */
    public String getOut() {
        return expanded(OUT);
    }

    /** The file name option {@code key} with {@code %p} and {@code %%} expanded, or {@code null}. */
    private String expanded(String key) {
        String value = values.get(key);
        return value == null ? null : FileNames.expand(value);
    }

    public AgentOptions setOut(String path) {
        return set(OUT, path);
    }

    /** {@link #HTML} with its placeholders expanded ({@link FileNames}), or {@code null} for no HTML report. */
    public String getHtml() {
        return expanded(HTML);
    }

    public AgentOptions setHtml(String path) {
        return set(HTML, path);
    }

    /** The {@link #CACHE} directory, or {@code null} for no cache. */
    public Path getCacheDirectory() {
        String value = values.get(CACHE);
        if (NO_CACHE.equals(value)) {
            return null;
        }
        return value != null ? absolute(value) : Path.of(System.getProperty("user.home"), ".cache", "racedet");
    }

    public AgentOptions setCache(String directory) {
        return set(CACHE, directory);
    }

    /** {@link #SARIF} with its placeholders expanded ({@link FileNames}), or {@code null} for no SARIF report. */
    public String getSarif() {
        String value = values.get(SARIF);
        return value == null ? null : FileNames.expand(value);
    }

    public AgentOptions setSarif(String path) {
        return set(SARIF, path);
    }

    /** {@link #SOURCE_ROOT}, or {@code null} to find the repository root from the working directory. */
    public String getSourceRoot() {
        return values.get(SOURCE_ROOT);
    }

    public AgentOptions setSourceRoot(String directory) {
        return set(SOURCE_ROOT, directory);
    }

    /** {@link #STACKS}: most frames shown of each stack. */
    public int getStacks() {
        String value = values.get(STACKS);
        return value == null ? DEFAULT_STACKS : parseStacks(value);
    }

    public AgentOptions setStacks(int depth) {
        return set(STACKS, Integer.toString(depth));
    }

    /** {@link #CLOCK_LIMIT}, or {@link #DEFAULT_CLOCK_LIMIT}. */
    public long getClockLimit() {
        String value = values.get(CLOCK_LIMIT);
        return value == null ? DEFAULT_CLOCK_LIMIT : parseClockLimit(value);
    }

    public AgentOptions setClockLimit(long limit) {
        return set(CLOCK_LIMIT, Long.toString(limit));
    }

    /** {@link #DURATION} in milliseconds, or 0 for none (the session lasts until detach or exit). */
    public long getDurationMillis() {
        String value = values.get(DURATION);
        return value == null ? 0 : parseDuration(value);
    }

    public AgentOptions setDuration(String duration) {
        return set(DURATION, duration);
    }

    /** {@link #EXITCODE}, 0 for none. */
    public int getExitCode() {
        String value = values.get(EXITCODE);
        return value == null ? 0 : parseExitCode(value);
    }

    public AgentOptions setExitCode(int status) {
        return set(EXITCODE, Integer.toString(status));
    }

    /** {@link #HALT}. */
    public boolean isHalt() {
        String value = values.get(HALT);
        return value != null && parseBoolean(HALT, value);
    }

    public AgentOptions setHalt(boolean halt) {
        return set(HALT, Boolean.toString(halt));
    }

    /** {@link #SUPPRESS}, or {@code null} for none. */
    public String getSuppress() {
        return values.get(SUPPRESS);
    }

    public AgentOptions setSuppress(String file) {
        return set(SUPPRESS, file);
    }

    /** {@link #BASELINE}, or {@code null} for none. */
    public String getBaseline() {
        return values.get(BASELINE);
    }

    public AgentOptions setBaseline(String file) {
        return set(BASELINE, file);
    }

    /**
     * Reads and checks the {@link #SUPPRESS} and {@link #BASELINE} files, so that an unreadable file or a
     * bad line fails at startup with one line naming the file and the line number.
     */
    public void checkInputs() {
        String suppress = values.get(SUPPRESS);
        String baseline = values.get(BASELINE);
        try {
            if (suppress != null) {
                SuppressionRules.read(absolute(suppress));
            }
        } catch (TriageFileException e) {
            throw new InvalidOptionException("bad '" + SUPPRESS + "' file " + oneLine(e.getMessage()));
        }
        try {
            if (baseline != null) {
                Baseline.read(absolute(baseline));
            }
        } catch (TriageFileException e) {
            throw new InvalidOptionException("bad '" + BASELINE + "' file " + oneLine(e.getMessage()));
        }
    }

    /**
     * Checks the output files, so that a bad path fails at startup rather than at exit: the
     * {@link #OUT} file is created (or emptied); for the {@link #JSON} file a temporary file is created
     * and deleted in its directory, since the report is written there and renamed over it. The two
     * must not be the same file, by path or through a link.
     */
    public void checkOutputs() {
        checkInputs();
        String out = getOut();
        String json = getJson();
        if (out != null && json != null && absolute(out).equals(absolute(json))) {
            throw sameFile(out);
        }
        if (out != null) {
            try {
                Files.writeString(absolute(out), "");
            } catch (IOException | RuntimeException e) {
                throw cannotWrite(OUT, out, e);
            }
        }
        if (json != null) {
            checkJson(json, out);
        }
        checkSarif(values.get(SARIF), json, out);
        checkHtml(getHtml(), json, out, values.get(SARIF));
    }

    /**
     * The {@link #HTML} file is checked like the {@link #JSON} file (it is replaced the same way), and
     * must differ from the other outputs.
     */
    private static void checkHtml(String html, String json, String out, String sarif) {
        if (html == null) {
            return;
        }
        String[][] others = {{JSON, json}, {OUT, out}, {SARIF, sarif}};
        for (String[] other : others) {
            if (other[1] != null && (absolute(html).equals(absolute(other[1])) || sameExistingFile(html, other[1]))) {
                throw new InvalidOptionException("'" + HTML + "' names the same file as '" + other[0] + "': "
                        + quoted(html));
            }
        }
        Path path = absolute(html);
        try {
            if (Files.isDirectory(path)) {
                throw new IOException("a directory");
            }
            if (!Files.exists(path) || Files.isRegularFile(path)) {
                Files.delete(Files.createTempFile(path.getParent(), ".racedet", ".probe"));
            } else if (!Files.isWritable(path)) {
                throw new IOException("not writable");
            }
        } catch (IOException | RuntimeException e) {
            throw cannotWrite(HTML, html, e);
        }
    }

    /** The {@link #SARIF} file is checked like the {@link #JSON} file, and must differ from both outputs. */
    private static void checkSarif(String sarif, String json, String out) {
        if (sarif == null) {
            return;
        }
        for (String other : new String[] {json, out}) {
            if (other != null && (absolute(sarif).equals(absolute(other)) || sameExistingFile(sarif, other))) {
                throw new InvalidOptionException("'" + SARIF + "' names the same file as '"
                        + (other.equals(json) ? JSON : OUT) + "': " + quoted(sarif));
            }
        }
        Path path = absolute(sarif);
        try {
            if (Files.isDirectory(path)) {
                throw new IOException("a directory");
            }
            if (!Files.exists(path) || Files.isRegularFile(path)) {
                Files.delete(Files.createTempFile(path.getParent(), ".racedet", ".probe"));
            } else if (!Files.isWritable(path)) {
                throw new IOException("not writable");
            }
        } catch (IOException | RuntimeException e) {
            throw cannotWrite(SARIF, sarif, e);
        }
    }

    private static boolean sameExistingFile(String a, String b) {
        try {
            return Files.exists(absolute(a)) && Files.exists(absolute(b)) && Files.isSameFile(absolute(a), absolute(b));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void checkJson(String json, String out) {
        Path path = absolute(json);
        try {
            if (Files.isDirectory(path)) {
                throw new IOException("a directory");
            }
            if (out != null && Files.exists(path) && Files.isSameFile(path, absolute(out))) {
                throw sameFile(json);
            }
            if (!Files.exists(path) || Files.isRegularFile(path)) {
                Files.delete(Files.createTempFile(path.getParent(), ".racedet", ".probe"));
            } else if (!Files.isWritable(path)) {
                throw new IOException("not writable");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidOptionException invalid) {
                throw invalid;
            }
            throw cannotWrite(JSON, json, e);
        }
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    private static InvalidOptionException sameFile(String path) {
        return new InvalidOptionException("'" + JSON + "' and '" + OUT + "' name the same file " + quoted(path));
    }

    private static InvalidOptionException cannotWrite(String key, String path, Exception e) {
        return new InvalidOptionException("cannot write the '" + key + "' file " + quoted(path) + " ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())) + ")");
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    /** The JVM argument that runs {@code agentJar} with these options. */
    public String toJavaAgentArgument(String agentJar) {
        String options = toString();
        return "-javaagent:" + agentJar + (options.isEmpty() ? "" : "=" + options);
    }

    /** The option string, keys in the order they were set; parses back to equal options. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentOptions other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
