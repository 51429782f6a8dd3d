package bench.realcode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a racedet JSON report (option {@code json=PATH}) for people: the summary counts, then one
 * block per distinct race (id, kind, field, how often, and both accesses with thread, operation and
 * source location), sorted by field. Usage: {@code ReportSummary REPORT.json [INDENT]}.
 *
 * <p>Exits 2 when the file is missing or is not a racedet report, so the caller can say so.
 */
public final class ReportSummary {
    private ReportSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String indent = args.length > 1 ? args[1] : "  ";
        if (!Files.isRegularFile(file)) {
            System.out.println(indent + "no JSON report at " + file);
            System.exit(2);
        }
        Object parsed;
        try {
            parsed = new Parser(Files.readString(file, StandardCharsets.UTF_8)).value();
        } catch (IllegalArgumentException e) {
            System.out.println(indent + "unreadable JSON report at " + file + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        Map<?, ?> report = (Map<?, ?>) parsed;
        Map<?, ?> summary = (Map<?, ?>) report.get("summary");
        System.out.println(indent + "racedet summary: " + summary.get("races") + " races on " + summary.get("fields")
                + " fields, " + summary.get("repeats") + " repeats, internalErrors " + summary.get("internalErrors")
                + ", skippedEvents " + summary.get("skippedEvents") + ", clockSlots " + summary.get("clockSlots"));
        List<Map<?, ?>> races = new ArrayList<>();
        for (Object r : (List<?>) report.get("races")) {
            races.add((Map<?, ?>) r);
        }
        races.sort((a, b) -> String.valueOf(a.get("field")).compareTo(String.valueOf(b.get("field"))));
        for (Map<?, ?> race : races) {
            System.out.println(indent + race.get("id") + " " + race.get("kind") + " on " + race.get("field")
                    + " (seen " + race.get("count") + "x)");
            System.out.println(indent + "    " + access((Map<?, ?>) race.get("access")));
            System.out.println(indent + "    previous " + access((Map<?, ?>) race.get("previous")));
        }
    }

    private static String access(Map<?, ?> a) {
        return a.get("op") + " by \"" + a.get("thread") + "\" at " + a.get("location");
    }

    /** A small JSON reader: objects become maps (in order), arrays lists, numbers longs or doubles. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            skipSpace();
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                default:
                    return literal();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            skipSpace();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                m.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    i++;
                } else {
                    expect('}');
                    return m;
                }
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            skipSpace();
            if (peek() == ']') {
                i++;
                return l;
            }
            while (true) {
                l.add(value());
                skipSpace();
                if (peek() == ',') {
                    i++;
                } else {
                    expect(']');
                    return l;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private Object literal() {
            int start = i;
            while (i < s.length() && "{}[],: \t\r\n".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String t = s.substring(start, i);
            switch (t) {
                case "true":
                    return Boolean.TRUE;
                case "false":
                    return Boolean.FALSE;
                case "null":
                    return null;
                default:
                    try {
                        return t.contains(".") || t.contains("e") || t.contains("E")
                                ? (Object) Double.parseDouble(t) : (Object) Long.parseLong(t);
                    } catch (NumberFormatException x) {
                        throw new IllegalArgumentException("bad token '" + t + "' at " + start);
                    }
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return s.charAt(i);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
