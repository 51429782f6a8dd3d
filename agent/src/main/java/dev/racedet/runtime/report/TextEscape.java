package dev.racedet.runtime.report;

/**
 * Makes a name safe to print on a terminal line: whatever a thread, class, field, method or file is
 * called, the printed text stays on one line and cannot drive the terminal.
 *
 * <p>Style (Java-like, unambiguous because the backslash itself is escaped): {@code \\} for a
 * backslash, {@code \"} for a double quote, {@code \n}, {@code \r}, {@code \t}, and {@code \}{@code uXXXX}
 * for every other character that does not print: controls (C0, DEL, C1, so ESC is {@code \}{@code u001b}),
 * format characters (bidi overrides U+202A–U+202E and isolates U+2066–U+2069, zero-width characters),
 * U+2028/U+2029, unassigned code points and lone surrogates. Letters, digits and symbols of every script are kept as they are.
 */
public final class TextEscape {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TextEscape() {
    }

    /** {@code s} escaped; the same instance when nothing needed escaping (the usual case). */
    public static String name(String s) {
        int i = 0;
        while (i < s.length() && !needsEscape(s, i)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (needsEscape(s, i)) {
                escape(b, c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Text of several lines (a stack trace) made terminal-safe: line breaks are kept, everything else
     * that {@link #name} escapes is escaped, so no line can carry a terminal escape sequence.
     */
    public static String lines(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            b.append(name(text.substring(start, nl))).append('\n');
            start = nl + 1;
        }
        return b.append(name(text.substring(start))).toString();
    }

    private static boolean needsEscape(String s, int i) {
        char c = s.charAt(i);
        if (c == '\\' || c == '"') {
            return true;
        }
        if (c >= 0x20 && c < 0x7f) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return switch (Character.getType(c)) {
            // unassigned code points too: a later Unicode version may make them format characters
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    private static void escape(StringBuilder b, char c) {
        switch (c) {
            case '\\' -> b.append("\\\\");
            case '"' -> b.append("\\\"");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            default -> b.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                    .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
        }
    }
}
