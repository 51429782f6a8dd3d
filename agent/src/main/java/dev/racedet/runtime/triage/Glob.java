package dev.racedet.runtime.triage;

/**
 * Wildcard patterns of names, as in the {@code include} option: {@code *} matches any run of
 * characters (dots and {@code $} included), {@code ?} exactly one, everything else itself. Matching
 * runs without regular expressions, so no pattern can make it slow beyond the product of the lengths.
 */
final class Glob {
    private Glob() {
    }

    /** Whether {@code name} matches {@code pattern} as a whole. */
    static boolean matches(String pattern, String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int resume = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = n;
            } else if (star >= 0) {
                p = star + 1;
                n = ++resume;
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
