package dev.racedet.agent;

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
    /** The {@link #CACHE} value that turns the cache off. */
    public static final String NO_CACHE = "none";
    /**
     * File holding the HTML report: one self-contained page (nothing loaded from elsewhere, works from
     * {@code file://}) with both stacks of each race side by side and a timeline of the two threads.
     * An empty page from startup on, replaced whole soon after each new race and at exit, like
     * {@link #JSON}. Must not be the {@link #OUT} or {@link #JSON} file. Default: none.
     */
    public static final String HTML = "html";

    /** Every valid key, in the order the README lists them. */
    public static final List<String> KEYS = List.of(INCLUDE, EXCLUDE, JSON, OUT, STACKS, CACHE, CLOCK_LIMIT, HTML);

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
            "html=FILE          self-contained HTML page of the races, kept up to date like json (default: none)");

    /** Default of {@link #CLOCK_LIMIT}. */
    public static final long DEFAULT_CLOCK_LIMIT = (1L << 40) - 1;
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
                .toString();
    }

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
            case STACKS -> parseStacks(value);
            case CACHE -> {
                if (value.isEmpty()) {
                    throw new InvalidOptionException("option '" + key + "' needs a directory or '" + NO_CACHE + "'");
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

    /** {@link #JSON}, or {@code null} for no JSON report. */
    public String getJson() {
        return values.get(JSON);
    }

    public AgentOptions setJson(String path) {
        return set(JSON, path);
    }

    /** {@link #OUT}, or {@code null} for standard error. */
    public String getOut() {
        return values.get(OUT);
    }

    public AgentOptions setOut(String path) {
        return set(OUT, path);
    }

    /** {@link #HTML}, or {@code null} for no HTML report. */
    public String getHtml() {
        // hook: expand %p here like json/out once the shared file name expansion is on main
        return values.get(HTML);
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

    /** {@link #CLOCK_LIMIT}, or {@link #DEFAULT_CLOCK_LIMIT}. */
    /** {@link #STACKS}: most frames shown of each stack. */
    public int getStacks() {
        String value = values.get(STACKS);
        return value == null ? DEFAULT_STACKS : parseStacks(value);
    }

    public AgentOptions setStacks(int depth) {
        return set(STACKS, Integer.toString(depth));
    }

    public long getClockLimit() {
        String value = values.get(CLOCK_LIMIT);
        return value == null ? DEFAULT_CLOCK_LIMIT : parseClockLimit(value);
    }

    public AgentOptions setClockLimit(long limit) {
        return set(CLOCK_LIMIT, Long.toString(limit));
    }

    /**
     * Checks the output files, so that a bad path fails at startup rather than at exit: the
     * {@link #OUT} file is created (or emptied); for the {@link #JSON} file a temporary file is created
     * and deleted in its directory, since the report is written there and renamed over it. The two
     * must not be the same file, by path or through a link.
     */
    public void checkOutputs() {
        String out = values.get(OUT);
        String json = values.get(JSON);
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
        checkHtml(getHtml(), json, out);
    }

    /**
     * The {@link #HTML} file is checked like the {@link #JSON} file (it is replaced the same way), and
     * must differ from both other outputs.
     */
    private static void checkHtml(String html, String json, String out) {
        if (html == null) {
            return;
        }
        for (String other : new String[] {json, out}) {
            if (other != null && (absolute(html).equals(absolute(other)) || sameExisting(html, other))) {
                throw new InvalidOptionException("'" + HTML + "' names the same file as '"
                        + (other.equals(json) ? JSON : OUT) + "': " + quoted(html));
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

    private static boolean sameExisting(String a, String b) {
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
