package dev.racedet.merge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259) into plain values: {@code Map<String, Object>} (keys in file
 * order), {@code List<Object>}, {@code String}, {@code Long} or {@code BigDecimal}, {@code Boolean}
 * and {@code null}. Just enough for reading racedet's own reports back (the merge and baseline
 * commands); the agent stays free of
 * dependencies. Duplicate keys, trailing commas, comments and trailing text are errors.
 */
public final class JsonReader {
    /** Malformed JSON, with the offset where it was noticed. */
    public static final class MalformedException extends Exception {
        MalformedException(String message, int at) {
            super(message + " at offset " + at);
        }
    }

    private static final int MAX_DEPTH = 512;
    private final String text;
    private int at;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    public static Object parse(String text) throws MalformedException {
        JsonReader reader = new JsonReader(text);
        reader.skipSpace();
        Object value = reader.value();
        reader.skipSpace();
        if (reader.at != text.length()) {
            throw new MalformedException("text after the JSON value", reader.at);
        }
        return value;
    }

    private Object value() throws MalformedException {
        if (at >= text.length()) {
            throw new MalformedException("unexpected end", at);
        }
        char c = text.charAt(at);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw new MalformedException("unexpected character '" + c + "'", at);
        }
    }

    private Map<String, Object> object() throws MalformedException {
        enter();
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        skipSpace();
        if (peek() == '}') {
            at++;
            depth--;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw new MalformedException("expected a key", at);
            }
            int keyAt = at;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            if (map.containsKey(key)) {
                throw new MalformedException("duplicate key \"" + key + "\"", keyAt);
            }
            map.put(key, value());
            skipSpace();
            if (peek() == ',') {
                at++;
            } else {
                expect('}');
                depth--;
                return map;
            }
        }
    }

    private List<Object> array() throws MalformedException {
        enter();
        List<Object> list = new ArrayList<>();
        at++;
        skipSpace();
        if (peek() == ']') {
            at++;
            depth--;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value());
            skipSpace();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                depth--;
                return list;
            }
        }
    }

    private String string() throws MalformedException {
        at++; // opening quote
        StringBuilder b = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw new MalformedException("unterminated string", at);
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw new MalformedException("control character in a string", at - 1);
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw new MalformedException("unterminated escape", at);
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"': b.append('"'); break;
                case '\\': b.append('\\'); break;
                case '/': b.append('/'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u': b.append(hex4()); break;
                default: throw new MalformedException("bad escape \\" + e, at - 1);
            }
        }
    }

    private char hex4() throws MalformedException {
        if (at + 4 > text.length()) {
            throw new MalformedException("short \\u escape", at);
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(at++), 16);
            if (d < 0) {
                throw new MalformedException("bad \\u escape", at - 1);
            }
            v = v * 16 + d;
        }
        return (char) v;
    }

    private Object number() throws MalformedException {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (digits() == 0) {
            throw new MalformedException("bad number", start);
        }
        boolean integral = true;
        if (peek() == '.') {
            at++;
            integral = false;
            if (digits() == 0) {
                throw new MalformedException("bad fraction", at);
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            integral = false;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (digits() == 0) {
                throw new MalformedException("bad exponent", at);
            }
        }
        String n = text.substring(start, at);
        if (integral) {
            try {
                return Long.parseLong(n);
            } catch (NumberFormatException tooBig) {
                return new BigDecimal(n);
            }
        }
        return new BigDecimal(n);
    }

    private int digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at - start;
    }

    private Object literal(String word, Object value) throws MalformedException {
        if (!text.startsWith(word, at)) {
            throw new MalformedException("unexpected word", at);
        }
        at += word.length();
        return value;
    }

    private void enter() throws MalformedException {
        if (++depth > MAX_DEPTH) {
            throw new MalformedException("nested too deeply", at);
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void expect(char c) throws MalformedException {
        if (peek() != c) {
            throw new MalformedException("expected '" + c + "'", at);
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }
}
