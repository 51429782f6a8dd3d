package dev.racedet.it.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small, strict parser for JSON text as defined by RFC 8259, for integration tests that read the
 * JSON that racedet writes.
 *
 * <p>It is strict on purpose: a test that reads a report must fail when the report is not valid
 * JSON, rather than quietly accept something that a real consumer would reject. Values map to
 * plain Java types:
 *
 * <ul>
 *   <li>object: {@link LinkedHashMap}{@code <String, Object>}, members in document order;
 *   <li>array: {@link ArrayList}{@code <Object>};
 *   <li>string: {@link String};
 *   <li>number: {@link BigDecimal}, exactly as written, so {@code 1.50} keeps its scale and
 *       {@code 1e2} stays {@code 1E+2} (compare with {@code compareTo} or use {@link #integer});
 *   <li>{@code true} and {@code false}: {@link Boolean};
 *   <li>{@code null}: the sentinel {@link #NULL}, never a Java {@code null}, so that a JSON null
 *       can be told apart from a missing key.
 * </ul>
 *
 * <p>Where RFC 8259 leaves a choice, this parser takes the strict one:
 *
 * <ul>
 *   <li>Any value may be the top-level value (section 2), scalars included.
 *   <li>Duplicate keys in one object are rejected (the RFC only says they SHOULD be unique). Keys
 *       are compared after unescaping, so {@code "a"} and {@code "&#92;u0061"} are duplicates.
 *   <li>Unpaired surrogates are rejected, both escaped and written directly: a high surrogate
 *       escape ({@code &#92;uD800}-{@code &#92;uDBFF}) must be followed at once by a low surrogate
 *       escape ({@code &#92;uDC00}-{@code &#92;uDFFF}), and a low one must not stand alone. Such
 *       text cannot be encoded in UTF-8 (section 8.1), so a report containing it is broken.
 *   <li>A leading byte order mark (U+FEFF) is rejected; writers must not add one (section 8.1).
 *   <li>Arrays and objects nested more than {@value #MAX_DEPTH} deep are rejected (section 9
 *       allows a limit), so that odd input gives an {@link IllegalArgumentException} rather than a
 *       {@link StackOverflowError}.
 *   <li>Numbers of any size and precision are accepted; only an exponent beyond what
 *       {@link BigDecimal} can hold is rejected.
 * </ul>
 *
 * <p>The caller must guarantee that {@code text} is non-null, is the whole document, has already
 * been decoded from bytes to characters (JSON exchanged between systems is UTF-8, section 8.1),
 * and is small enough to be held in memory together with the tree it parses to. Invalid text
 * throws an {@link IllegalArgumentException} whose message gives the offset (an index into
 * {@code text}, counted in {@code char}s from 0), what was expected there and what was found.
 *
 * <p>The class has no state: it is safe to use from several threads, and each call returns a new
 * tree of mutable collections that belongs to the caller.
 */
public final class Json {

    /** The value of a JSON {@code null}; its {@code toString()} is {@code "null"}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** The deepest nesting of arrays and objects that {@link #parse} accepts. */
    public static final int MAX_DEPTH = 512;

    /** The longest part of a string that a type-mismatch message quotes. */
    private static final int QUOTE_LIMIT = 60;

    private Json() {
    }

    /**
     * Parses a complete JSON text.
     *
     * @param text the whole JSON document, not null
     * @return the value, as described in the class comment
     * @throws IllegalArgumentException if {@code text} is not valid JSON
     * @throws NullPointerException if {@code text} is null
     */
    public static Object parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Parser(text).document();
    }

    /**
     * Returns {@code value} as a JSON object.
     *
     * @param value a value from {@link #parse}
     * @return the same map, cast
     * @throws IllegalArgumentException if {@code value} is not an object
     */
    public static Map<String, Object> object(Object value) {
        if (value instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked") // parse only ever builds Map<String, Object>
            Map<String, Object> map = (Map<String, Object>) value;
            return map;
        }
        throw mismatch("an object", value);
    }

    /**
     * Returns {@code value} as a JSON array.
     *
     * @param value a value from {@link #parse}
     * @return the same list, cast
     * @throws IllegalArgumentException if {@code value} is not an array
     */
    public static List<Object> array(Object value) {
        if (value instanceof List<?>) {
            @SuppressWarnings("unchecked") // parse only ever builds List<Object>
            List<Object> list = (List<Object>) value;
            return list;
        }
        throw mismatch("an array", value);
    }

    /**
     * Returns {@code value} as a JSON string.
     *
     * @param value a value from {@link #parse}
     * @return the same string, cast
     * @throws IllegalArgumentException if {@code value} is not a string
     */
    public static String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw mismatch("a string", value);
    }

    /**
     * Returns {@code value} as a {@code long}. The number must have an integral value that fits in
     * a {@code long}; how it is written does not matter, so {@code 3}, {@code 3.0} and
     * {@code 0.3e1} all give 3.
     *
     * @param value a value from {@link #parse}
     * @return the number's value
     * @throws IllegalArgumentException if {@code value} is not a number, has a non-zero fraction,
     *     or is outside the range of {@code long}
     */
    public static long integer(Object value) {
        if (!(value instanceof BigDecimal number)) {
            throw mismatch("an integer", value);
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw mismatch("an integer in the range of long", value);
        }
    }

    private static IllegalArgumentException mismatch(String expected, Object value) {
        return new IllegalArgumentException(
                "Expected a JSON value that is " + expected + " but got " + describeValue(value));
    }

    private static String describeValue(Object value) {
        if (value == NULL) {
            return "null";
        } else if (value instanceof Map<?, ?> map) {
            return "an object with " + map.size() + " key(s)";
        } else if (value instanceof List<?> list) {
            return "an array of " + list.size() + " element(s)";
        } else if (value instanceof String s) {
            return "the string \"" + shorten(s) + "\"";
        } else if (value instanceof BigDecimal number) {
            return "the number " + number; // toString, not toPlainString: 1e999999999 stays short
        } else if (value instanceof Boolean b) {
            return "the boolean " + b;
        } else if (value == null) {
            return "Java null, which Json.parse never returns";
        }
        return "a " + value.getClass().getName() + ", which Json.parse never returns";
    }

    private static String shorten(String s) {
        return s.length() <= QUOTE_LIMIT ? s : s.substring(0, QUOTE_LIMIT) + "...";
    }

    /**
     * A recursive-descent parser for one text. Each method starts at {@link #pos} and leaves it
     * just after what it read; whitespace is skipped only where the grammar allows it.
     */
    private static final class Parser {

        /** What {@link #peek} returns at the end of the text; no char has this value. */
        private static final int END = -1;

        private final String text;
        private int pos;
        private int depth;

        Parser(String text) {
            this.text = text;
        }

        Object document() {
            skipWhitespace();
            Object value = value();
            skipWhitespace();
            if (pos < text.length()) {
                throw expected("end of input after the top-level value");
            }
            return value;
        }

        private Object value() {
            // The first char decides the kind of value; anything else (NaN, Infinity, '+', '.',
            // a quote ', a comment) is not a JSON value.
            return switch (peek()) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", NULL);
                case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number();
                default -> throw expected("a JSON value");
            };
        }

        private Map<String, Object> object() {
            enterNesting();
            Map<String, Object> members = new LinkedHashMap<>();
            skipWhitespace();
            if (!consume('}')) {
                do {
                    skipWhitespace();
                    member(members);
                    skipWhitespace();
                } while (consume(','));
                // After a ',' member() demands a key, so a trailing comma fails there.
                if (!consume('}')) {
                    throw expected("',' or '}'");
                }
            }
            depth--;
            return members;
        }

        private void member(Map<String, Object> members) {
            int keyOffset = pos;
            if (peek() != '"') {
                throw expected("'\"' starting an object key");
            }
            String key = string();
            // Checked before the value is read so that the error points at the repeated key.
            if (members.containsKey(key)) {
                throw error(keyOffset, "a key not already used in this object",
                        "duplicate key \"" + key + "\"");
            }
            skipWhitespace();
            if (!consume(':')) {
                throw expected("':' after an object key");
            }
            skipWhitespace();
            members.put(key, value());
        }

        private List<Object> array() {
            enterNesting();
            List<Object> elements = new ArrayList<>();
            skipWhitespace();
            if (!consume(']')) {
                do {
                    // After a ',' value() demands a value, so a trailing comma fails there.
                    skipWhitespace();
                    elements.add(value());
                    skipWhitespace();
                } while (consume(','));
                if (!consume(']')) {
                    throw expected("',' or ']'");
                }
            }
            depth--;
            return elements;
        }

        /** Consumes the opening bracket or brace at {@link #pos}, counting the nesting depth. */
        private void enterNesting() {
            if (depth == MAX_DEPTH) {
                throw expected("at most " + MAX_DEPTH + " nested arrays and objects");
            }
            depth++;
            pos++;
        }

        private String string() {
            pos++; // the opening quote, which the caller has seen
            StringBuilder sb = new StringBuilder();
            while (true) {
                int c = peek();
                if (c == '"') {
                    pos++;
                    return sb.toString();
                } else if (c == END) {
                    throw expected("'\"' closing the string");
                } else if (c == '\\') {
                    escape(sb);
                } else if (c < 0x20) {
                    throw expected("a character from U+0020 up (control characters must be escaped)");
                } else if (Character.isSurrogate((char) c)) {
                    surrogatePair(sb);
                } else {
                    sb.append((char) c);
                    pos++;
                }
            }
        }

        /** Copies a surrogate pair written directly in the text; an unpaired half is an error. */
        private void surrogatePair(StringBuilder sb) {
            char high = text.charAt(pos);
            if (!Character.isHighSurrogate(high)) {
                throw expected("a whole character, not the low half of a surrogate pair");
            }
            pos++;
            int next = peek();
            if (next == END || !Character.isLowSurrogate((char) next)) {
                throw expected("the low surrogate completing the pair begun by "
                        + describeChar(high));
            }
            sb.append(high).append(text.charAt(pos));
            pos++;
        }

        private void escape(StringBuilder sb) {
            pos++; // the backslash
            if (peek() == 'u') {
                unicodeEscape(sb);
                return;
            }
            char decoded = switch (peek()) {
                case '"' -> '"';
                case '\\' -> '\\';
                case '/' -> '/';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                default -> throw expected("an escape: one of \" \\ / b f n r t u after '\\'");
            };
            sb.append(decoded);
            pos++;
        }

        /** Decodes a 4-hex-digit escape; {@link #pos} is at its 'u'. */
        private void unicodeEscape(StringBuilder sb) {
            int escapeOffset = pos - 1;
            pos++;
            char unit = hex4();
            if (Character.isLowSurrogate(unit)) {
                throw error(escapeOffset, "a \\uD800-\\uDBFF escape before a low surrogate escape",
                        escapeText(unit) + " on its own");
            }
            sb.append(unit);
            if (Character.isHighSurrogate(unit)) {
                sb.append(lowSurrogateEscape(unit));
            }
        }

        /** Reads the escape that must complete the pair begun by the escape of {@code high}. */
        private char lowSurrogateEscape(char high) {
            String expected = "a \\uDC00-\\uDFFF escape completing the surrogate pair begun by "
                    + escapeText(high);
            int escapeOffset = pos;
            if (!text.startsWith("\\u", pos)) {
                throw expected(expected);
            }
            pos += 2;
            char low = hex4();
            if (!Character.isLowSurrogate(low)) {
                throw error(escapeOffset, expected, escapeText(low));
            }
            return low;
        }

        private char hex4() {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int digit = hexDigit(peek());
                if (digit < 0) {
                    throw expected("a hex digit (\\u takes exactly 4)");
                }
                value = value * 16 + digit;
                pos++;
            }
            return (char) value;
        }

        /** ASCII only: Character.digit would also accept, say, full-width digits. */
        private static int hexDigit(int c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            } else if (c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                return c - 'A' + 10;
            }
            return -1;
        }

        /**
         * Checks the RFC 8259 number grammar, {@code -? (0 | [1-9][0-9]*) (. [0-9]+)?
         * ([eE] [+-]? [0-9]+)?}, before BigDecimal sees the text: BigDecimal alone would accept
         * forms that JSON forbids, such as "+1", ".5", "1." and "01".
         */
        private BigDecimal number() {
            int start = pos;
            consume('-');
            if (consume('0')) {
                if (isDigit(peek())) {
                    throw expected("'.', 'e', 'E' or the end of the number (no leading zeros)");
                }
            } else {
                digits("a digit");
            }
            if (consume('.')) {
                digits("a digit after the decimal point");
            }
            if (consume('e') || consume('E')) {
                if (!consume('+')) {
                    consume('-');
                }
                digits("a digit in the exponent");
            }
            String literal = text.substring(start, pos);
            try {
                return new BigDecimal(literal);
            } catch (NumberFormatException e) {
                // Valid JSON, but the exponent does not fit BigDecimal's int scale.
                throw error(start, "a number whose exponent BigDecimal can hold", literal);
            }
        }

        private void digits(String expected) {
            if (!isDigit(peek())) {
                throw expected(expected);
            }
            while (isDigit(peek())) {
                pos++;
            }
        }

        private Object literal(String word, Object value) {
            for (int i = 0; i < word.length(); i++) {
                if (peek() != word.charAt(i)) {
                    throw expected("'" + word.charAt(i) + "' of the literal " + word);
                }
                pos++;
            }
            return value;
        }

        /** Skips the four JSON whitespace chars only; not Character.isWhitespace, which has more. */
        private void skipWhitespace() {
            int c = peek();
            while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
                c = peek();
            }
        }

        private boolean consume(char c) {
            if (peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        private int peek() {
            return charAt(pos);
        }

        private int charAt(int offset) {
            return offset < text.length() ? text.charAt(offset) : END;
        }

        private static boolean isDigit(int c) {
            return c >= '0' && c <= '9'; // ASCII only, unlike Character.isDigit
        }

        private IllegalArgumentException expected(String what) {
            return error(pos, what, describeChar(charAt(pos)));
        }

        private static IllegalArgumentException error(int offset, String expected, String found) {
            return new IllegalArgumentException("Invalid JSON at offset " + offset
                    + ": expected " + expected + " but found " + found);
        }

        /** Names a char so that invisible and look-alike ones can be told apart. */
        private static String describeChar(int c) {
            if (c == END) {
                return "end of input";
            } else if (c >= 0x20 && c < 0x7f) {
                return "'" + (char) c + "'";
            }
            return String.format("U+%04X", c);
        }

        private static String escapeText(char unit) {
            return String.format("\\u%04X", (int) unit);
        }
    }
}
