package bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One block of a {@code workloads.txt}: how to run a program with and without racedet and what to
 * read from its output. A block that does not follow the format still becomes a workload, with its
 * {@link #error}, so that the table shows it as a configuration error instead of silently dropping
 * it.
 */
final class Workload {
    static final Set<String> GROUPS = Set.of("kernel", "object", "real", "startup", "demo", "scale");
    private static final Set<String> KEYS = Set.of("group", "agent", "java", "check", "metric", "score",
            "jdk", "timeout", "prepare", "profile");
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

    final String name;
    final Path dir;
    final Map<String, String> keys = new LinkedHashMap<>();
    /** Why the block cannot run (a format error, a failed build), or null. */
    String error;

    Workload(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    String group() {
        return keys.getOrDefault("group", "?");
    }

    String agentOptions() {
        return keys.get("agent");
    }

    /** The JVM options, main class and arguments, with {@code ${DIR}} and {@code ${ROOT}} expanded. */
    List<String> javaArgs(Path root) {
        String java = expand(keys.get("java"), root);
        return new ArrayList<>(Arrays.asList(java.trim().split("\\s+")));
    }

    String expand(String s, Path root) {
        return s.replace("${DIR}", dir.toString()).replace("${ROOT}", root.toString());
    }

    Pattern check() {
        return pattern("check");
    }

    Pattern metric() {
        return pattern("metric");
    }

    Pattern score() {
        return pattern("score");
    }

    private Pattern pattern(String key) {
        String v = keys.get(key);
        return v == null ? null : Pattern.compile(v);
    }

    /** The JDK major version the block asks for, or 0 for the harness JDK. */
    int jdk() {
        String v = keys.get("jdk");
        return v == null ? 0 : Integer.parseInt(v);
    }

    int timeoutSeconds() {
        String v = keys.get("timeout");
        return v == null ? 900 : Integer.parseInt(v);
    }

    String prepare() {
        return keys.get("prepare");
    }

    /**
     * Reads the blocks of one {@code workloads.txt}. Lines: {@code # comment}, blank, {@code [name]},
     * {@code key = value} (the value is everything after the first {@code =}, trimmed).
     */
    static List<Workload> read(Path file) throws IOException {
        Path dir = file.toAbsolutePath().normalize().getParent();
        List<Workload> blocks = new ArrayList<>();
        Workload current = null;
        int lineNo = 0;
        for (String raw : Files.readAllLines(file)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new Workload(line.substring(1, line.length() - 1).strip(), dir);
                blocks.add(current);
                if (!NAME.matcher(current.name).matches()) {
                    current.error = "name '" + current.name + "' is not [a-z0-9-]+";
                }
                continue;
            }
            int eq = line.indexOf('=');
            String where = file.getFileName() + ":" + lineNo;
            if (current == null) {
                // Keys before any [name]: a block named after the directory carries the error.
                current = new Workload(dir.getFileName() + "-format", dir);
                current.error = where + ": a line before the first [name]";
                blocks.add(current);
                continue;
            }
            if (eq < 0) {
                setError(current, where + ": not 'key = value': " + line);
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!KEYS.contains(key)) {
                setError(current, where + ": unknown key '" + key + "'");
            } else if (current.keys.containsKey(key)) {
                setError(current, where + ": key '" + key + "' given twice");
            } else {
                current.keys.put(key, value);
            }
        }
        for (Workload w : blocks) {
            if (w.error == null) {
                w.error = w.validate();
            }
        }
        return blocks;
    }

    private static void setError(Workload w, String error) {
        if (w.error == null) {
            w.error = error;
        }
    }

    private String validate() {
        if (!GROUPS.contains(group())) {
            return "group '" + group() + "' is not one of " + String.join(", ", GROUPS.stream().sorted().toList());
        }
        if (keys.get("java") == null || keys.get("java").isBlank()) {
            return "no 'java' line";
        }
        String agent = keys.get("agent");
        if (agent == null || agent.isBlank()) {
            return "no 'agent' line (include=... at least)";
        }
        for (String option : agent.split(",")) {
            String k = option.split("=", 2)[0].strip();
            if (k.equals("json") || k.equals("out")) {
                return "agent options must not set '" + k + "' (the harness appends json=...)";
            }
        }
        if (keys.containsKey("metric") && keys.containsKey("score")) {
            return "'metric' and 'score' exclude each other";
        }
        for (String k : List.of("check", "metric", "score")) {
            try {
                Pattern p = pattern(k);
                if (p != null && !k.equals("check") && p.matcher("").groupCount() != 1) {
                    return "'" + k + "' must have exactly one group";
                }
            } catch (PatternSyntaxException e) {
                return "'" + k + "' is not a Java regex: " + e.getDescription();
            }
        }
        try {
            if (timeoutSeconds() <= 0) {
                return "timeout must be positive";
            }
            if (keys.containsKey("jdk") && jdk() < 8) {
                return "jdk must be a major version (e.g. 25)";
            }
        } catch (NumberFormatException e) {
            return "timeout and jdk must be whole numbers";
        }
        return null;
    }
}
