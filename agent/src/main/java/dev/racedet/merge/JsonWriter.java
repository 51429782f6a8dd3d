package dev.racedet.merge;

import java.util.List;
import java.util.Map;

/**
 * Writes the plain values {@link JsonReader} produces back as JSON: one race per line in the
 * {@code races} array, like the agent's own report, every string escaped (quotes, backslashes,
 * control characters, and U+2028/U+2029 so the text is also safe in JavaScript).
 */
final class JsonWriter {
    private JsonWriter() {
    }

    /** A report object: top-level keys one per line, array elements of {@code races} one per line. */
    static String report(Map<String, Object> report) {
        StringBuilder b = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : report.entrySet()) {
            b.append(first ? "" : ",").append("\n ");
            first = false;
            string(b, e.getKey());
            b.append(": ");
            if (e.getValue() instanceof List<?> list && !list.isEmpty()) {
                b.append('[');
                for (int i = 0; i < list.size(); i++) {
                    b.append(i == 0 ? "\n  " : ",\n  ");
                    value(b, list.get(i));
                }
                b.append("\n ]");
            } else {
                value(b, e.getValue());
            }
        }
        return b.append("\n}\n").toString();
    }

    static void value(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Map<?, ?> map) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.append(first ? "" : ", ");
                first = false;
                string(b, (String) e.getKey());
                b.append(": ");
                value(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                b.append(i == 0 ? "" : ", ");
                value(b, list.get(i));
            }
            b.append(']');
        } else {
            b.append(v); // Boolean, Long, BigDecimal: their toString is valid JSON
        }
    }

    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        b.append('"');
    }
}
