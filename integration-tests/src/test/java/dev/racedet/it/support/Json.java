package dev.racedet.it.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses the JSON (and SARIF) that racedet writes, for integration tests, with Jackson in strict
 * mode: a test that reads a report must fail when the report is not valid RFC 8259 JSON, rather
 * than quietly accept something a real consumer would reject.
 *
 * <p>Strict means: duplicate keys in one object, anything after the top-level value, comments,
 * single quotes, unquoted names, {@code NaN}/{@code Infinity}, leading zeros, leading {@code +},
 * trailing commas, unescaped control characters and escapes that RFC 8259 does not define are all
 * rejected; arrays and objects nested more than {@value #MAX_DEPTH} deep too. Escaped lone
 * surrogates ({@code \}{@code uD800}) are accepted and kept, because racedet writes a name's lone
 * surrogate that way so that the name round-trips exactly.
 *
 * <p>Values map to plain Java types: object to {@link LinkedHashMap}{@code <String, Object>}
 * (document order), array to {@link ArrayList}{@code <Object>}, string to {@link String}, number to
 * {@link BigDecimal} (use {@link #integer}), {@code true}/{@code false} to {@link Boolean}, and
 * {@code null} to the sentinel {@link #NULL} (never a Java {@code null}, so a JSON null can be told
 * apart from a missing key). The caller must pass the whole document, already decoded from UTF-8.
 * Invalid text throws an {@link IllegalArgumentException} naming the line and column. Stateless and
 * thread-safe; each call returns a new mutable tree that belongs to the caller.
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

    /**
     * Jackson's JSON read features that relax RFC 8259 are all off by default; they are listed here
     * anyway so that a change of Jackson's defaults cannot loosen the tests silently.
     */
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                    JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS, JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_MISSING_VALUES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_RS_CONTROL_CHAR)
            .build();

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
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Invalid JSON: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new IllegalArgumentException("Invalid JSON: no value in the text");
        }
        return plain(root);
    }

    /** The tree as plain Java values (recursion depth is bounded by {@link #MAX_DEPTH}). */
    private static Object plain(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    map.put(e.getKey(), plain(e.getValue()));
                }
                return map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node.values()) {
                    list.add(plain(element));
                }
                return list;
            }
            case STRING -> {
                return node.stringValue();
            }
            case NUMBER -> {
                return node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
            }
            case BOOLEAN -> {
                return node.booleanValue();
            }
            case NULL -> {
                return NULL;
            }
            default -> throw new IllegalArgumentException("Invalid JSON: unexpected " + node.getNodeType());
        }
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
}
