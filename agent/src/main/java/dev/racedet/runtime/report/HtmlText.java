package dev.racedet.runtime.report;

/**
 * Escaping for the HTML report. Every name in a report comes from the program (thread, class, field,
 * method and file names) and may hold markup, quotes, {@code </script>}, line separators, bidi
 * overrides or lone surrogates; these methods make any string inert in the context it is put in.
 *
 * <ul>
 * <li>{@link #text}: HTML text and quoted attribute values. {@code & < > " '} become entities;
 *     characters that do not print or that change how text around them is shown (controls, format
 *     characters such as bidi overrides and zero-width characters, U+2028/U+2029, unassigned code
 *     points, lone surrogates) are shown as a visible {@code \}{@code uXXXX}, marked with
 *     {@code <span class="esc">} so a reader can tell it from the same six characters in a name.</li>
 * <li>{@link #scriptJson}: a JSON string literal safe inside a {@code <script>} element: besides
 *     JSON's own escapes, {@code < > &} and U+2028/U+2029 are written as {@code \}{@code uXXXX}, so no
 *     {@code </script>} or {@code <!--} can appear, and lone surrogates too (they could not be written
 *     as UTF-8). The parsed value is the exact name.</li>
 * </ul>
 */
public final class HtmlText {
    private HtmlText() {
    }

    /** Appends {@code s} as HTML text (also valid in a double- or single-quoted attribute). */
    public static void text(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (hidden(s, i)) {
                        b.append("<span class=\"esc\">");
                        JsonText.hex(b, c);
                        b.append("</span>");
                    } else {
                        b.append(c);
                    }
                }
            }
        }
    }

    /** {@code s} as HTML text ({@link #text(StringBuilder, String)}). */
    public static String text(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        text(b, s);
        return b.toString();
    }

    /** Appends {@code s} as a JSON string literal that is safe inside a {@code <script>} element. */
    public static void scriptJson(StringBuilder b, String s) {
        JsonText.scriptString(b, s);
    }

    /** Whether the char at {@code i} would not print as itself, or would reorder the text around it. */
    private static boolean hidden(String s, int i) {
        char c = s.charAt(i);
        if (c >= 0x20 && c < 0x7f) {
            return false;
        }
        if (Character.isSurrogate(c)) {
            return !JsonText.validSurrogateAt(s, i);
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
