package dev.racedet.runtime.report;

/**
 * JSON string literals for the reports racedet writes by hand (JSON, SARIF): RFC 8259 escaping, so
 * every name parses back to exactly the Java string it was. Beyond what RFC 8259 requires, U+2028 and
 * U+2029 are escaped (they end a line in JavaScript) and so are lone surrogates (they cannot be
 * encoded in the UTF-8 file; the escape keeps them exact for a reader that accepts it). Stateless.
 */
public final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** Appends {@code s} as a JSON string literal, quotes included; {@code s} must not be null. */
    public static StringBuilder string(StringBuilder b, String s) {
        return string(b, s, false);
    }

    /**
     * The same literal, safe inside an HTML {@code <script>} element: {@code < > &} are written as
     * a six-character escape (backslash, u, four hex digits) too, so no {@code </script>} or
     * {@code <!--} can appear in it.
     */
    public static StringBuilder scriptString(StringBuilder b, String s) {
        return string(b, s, true);
    }

    private static StringBuilder string(StringBuilder b, String s, boolean script) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029'
                            || script && (c == '<' || c == '>' || c == '&')
                            || Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
                        hex(b, c);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }

    /** Appends {@code c} as a six-character escape (backslash, u, four hex digits). */
    static void hex(StringBuilder b, char c) {
        b.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
    }

    /** A lone surrogate is not valid UTF-8 when the file is written, so it is escaped instead. */
    static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
