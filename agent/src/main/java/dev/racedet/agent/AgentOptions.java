package dev.racedet.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
    /** File to write the JSON report to at JVM exit. Default: none. */
    public static final String JSON = "json";
    /** File to write the text reports and the summary to, instead of standard error. Default: stderr. */
    public static final String OUT = "out";

    /** Every valid key, in the order the README lists them. */
    public static final List<String> KEYS = List.of(INCLUDE, EXCLUDE, JSON, OUT);

    private static final Pattern CLASS_PATTERNS = Pattern.compile("[\\p{javaJavaIdentifierPart}.$*?]+(:[\\p{javaJavaIdentifierPart}.$*?]+)*");

    /** Thrown for a bad option string; the message is the one line printed before the JVM exits. */
    public static final class InvalidOptionException extends IllegalArgumentException {
        InvalidOptionException(String message) {
            super("racedet: " + message + " (valid options: " + String.join(", ", KEYS)
                    + "; syntax: -javaagent:racedet.jar=key=value,key=value)");
        }
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
                if (!CLASS_PATTERNS.matcher(value).matches()) {
                    throw new InvalidOptionException("bad value '" + value + "' for '" + key
                            + "': expected class name patterns like com.acme.* separated by ':'");
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

    /**
     * Checks that the {@link #OUT} and {@link #JSON} files can be written, creating (or emptying)
     * them, so that a bad path fails at startup rather than at exit.
     */
    public void checkOutputs() {
        for (String key : List.of(OUT, JSON)) {
            String path = values.get(key);
            if (path != null) {
                try {
                    java.nio.file.Files.writeString(java.nio.file.Path.of(path), "");
                } catch (java.io.IOException | RuntimeException e) {
                    throw new InvalidOptionException("cannot write the '" + key + "' file " + path + " ("
                            + e.getClass().getSimpleName() + ")");
                }
            }
        }
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
