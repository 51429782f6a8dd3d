package dev.racedet.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.racedet.merge.JsonReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar racedet.jar baseline report.json... > racedet-baseline.txt}: prints the ids of the
 * races of one or more JSON reports (the forks of one build, say), once each, in a form the
 * {@code baseline} option reads back: the id, then the field and the two locations as a comment, so a
 * reviewer sees what each line accepts. Races already known are kept (a refreshed baseline keeps
 * them); suppressed races are not in a report, so never in a baseline.
 */
public final class BaselineCommand {
    private BaselineCommand() {
    }

    /** Runs the command with its arguments (the report files); returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("racedet: usage: java -jar racedet.jar baseline REPORT.json... > racedet-baseline.txt");
            return 2;
        }
        Set<String> seen = new LinkedHashSet<>();
        StringBuilder lines = new StringBuilder("# racedet baseline: known races, one id per line (the rest of a line is a comment)\n");
        for (String arg : args) {
            List<Object> races;
            try {
                races = races(Path.of(arg));
            } catch (IOException | RuntimeException e) {
                err.println("racedet: cannot read the report " + printable(arg) + ": " + printable(String.valueOf(e.getMessage())));
                return 1;
            }
            for (Object race : races) {
                Map<?, ?> r = (Map<?, ?>) race;
                String id = String.valueOf(r.get("id"));
                if (seen.add(id)) {
                    lines.append(id).append("  # ").append(printable(String.valueOf(r.get("field"))))
                            .append(' ').append(printable(location(r.get("access"))))
                            .append(" / ").append(printable(location(r.get("previous")))).append('\n');
                }
            }
        }
        out.print(lines);
        out.flush();
        return 0;
    }

    private static List<Object> races(Path report) throws IOException {
        Object doc;
        try {
            doc = JsonReader.parse(Files.readString(report, StandardCharsets.UTF_8));
        } catch (JsonReader.MalformedException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
        if (!(doc instanceof Map<?, ?> map) || !(map.get("races") instanceof List<?> races)) {
            throw new IllegalArgumentException("not a racedet JSON report (no \"races\" array)");
        }
        for (Object race : races) {
            if (!(race instanceof Map<?, ?> r) || !(r.get("id") instanceof String id) || !id.matches("R[0-9a-f]{8}")) {
                throw new IllegalArgumentException("a race without a valid \"id\"");
            }
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) races;
        return list;
    }

    private static String location(Object access) {
        return access instanceof Map<?, ?> a ? String.valueOf(a.get("location")) : "?";
    }

    /** One line of printable text: control characters and line separators become '?'. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        return b.toString();
    }
}
