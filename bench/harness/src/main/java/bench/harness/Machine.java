package bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a table's numbers depend on: the machine (cores, CPU model, RAM, OS), the JDKs, racedet's git
 * commit and the agent jar. Read from {@code /proc}, {@code /etc/os-release}, the JDK's own
 * properties and git; a value that cannot be read is "unknown", never a failure.
 */
final class Machine {
    private Machine() {
    }

    static Map<String, Object> describe(Path root, Path agentJar) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name", ":"));
        String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal", ":");
        try {
            m.put("ramGb", Runner.round(Long.parseLong(mem.replace("kB", "").trim()) / 1024.0 / 1024.0, 1));
        } catch (NumberFormatException e) {
            m.put("ramGb", null);
        }
        String os = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", "=").replace("\"", "");
        m.put("os", os + ", Linux " + System.getProperty("os.version"));
        m.put("loadAverage", loadAverage());
        String commit = output(root, List.of("git", "rev-parse", "--short=12", "HEAD"));
        String dirty = output(root, List.of("git", "status", "--porcelain", "--untracked-files=no", "--", "agent"));
        m.put("commit", commit == null ? "unknown" : commit + (dirty != null && !dirty.isBlank() ? " (agent/ modified)" : ""));
        m.put("agentJar", agentJar.toString());
        m.put("agentSha256", sha256(agentJar));
        return m;
    }

    /** The JDK behind a {@code java} command: major version, runtime version and vendor. */
    static Map<String, Object> jdk(String java) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("java", java);
        try {
            Process p = new ProcessBuilder(java, "-XshowSettings:properties", "-version").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            for (String line : text.split("\n")) {
                String l = line.strip();
                prop(j, l, "java.specification.version", "major");
                prop(j, l, "java.runtime.version", "version");
                prop(j, l, "java.vm.vendor", "vendor");
            }
        } catch (IOException | InterruptedException e) {
            j.put("error", e.toString());
        }
        return j;
    }

    private static void prop(Map<String, Object> j, String line, String key, String name) {
        if (line.startsWith(key + " = ")) {
            j.put(name, line.substring(key.length() + 3).strip());
        }
    }

    static int major(Map<String, Object> jdk) {
        Object v = jdk.get("major");
        try {
            String s = String.valueOf(v);
            return Integer.parseInt(s.startsWith("1.") ? s.substring(2) : s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The 1-minute load average when the run started: on a shared machine it says how noisy the numbers are. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String firstValue(Path file, String key, String separator) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    int i = line.indexOf(separator);
                    if (i >= 0) {
                        return line.substring(i + 1).strip();
                    }
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    static String output(Path dir, List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? text : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    private static String sha256(Path file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unknown";
        }
    }
}
