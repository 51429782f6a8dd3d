package dev.racedet.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code include}/{@code exclude} pattern syntax, checked and matched by hand in linear time:
 * no regular expression, so neither thousands of patterns nor a pathological one ({@code *a*a*a*b}
 * against a long name) can overflow the stack or backtrack without end.
 *
 * <p>A pattern list is {@code :}-separated, each pattern non-empty, made of Java identifier
 * characters, {@code .}, {@code $}, {@code *} (any run of characters, dots included) and {@code ?}
 * (exactly one character).
 */
final class ClassPatterns {
    private ClassPatterns() {
    }

    /** Whether {@code patterns} is a valid non-empty list. */
    static boolean isValid(String patterns) {
        if (patterns.isEmpty()) {
            return false;
        }
        boolean emptySegment = true;
        for (int i = 0; i < patterns.length(); i++) {
            char c = patterns.charAt(i);
            if (c == ':') {
                if (emptySegment) {
                    return false;
                }
                emptySegment = true;
            } else if (Character.isJavaIdentifierPart(c) || c == '.' || c == '$' || c == '*' || c == '?') {
                emptySegment = false;
            } else {
                return false;
            }
        }
        return !emptySegment;
    }

    /** The patterns of a valid list, in order. */
    static List<String> split(String patterns) {
        List<String> list = new ArrayList<>();
        int start = 0;
        for (int colon = patterns.indexOf(':'); colon >= 0; colon = patterns.indexOf(':', start)) {
            list.add(patterns.substring(start, colon));
            start = colon + 1;
        }
        list.add(patterns.substring(start));
        return list;
    }

    /**
     * Whether {@code name} matches the glob {@code pattern} as a whole. Greedy matching with one
     * backtrack point (the last {@code *} seen): a later {@code *} makes the earlier ones irrelevant,
     * so the work is at most pattern length times name length, with no recursion.
     */
    static boolean matches(String pattern, String name) {
        int p = 0;
        int n = 0;
        int starP = -1;
        int starN = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starN = n;
            } else if (starP >= 0) {
                // let the last star swallow one more character and retry what follows it
                p = starP + 1;
                n = ++starN;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
