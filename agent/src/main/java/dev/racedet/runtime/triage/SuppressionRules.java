package dev.racedet.runtime.triage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of a {@code suppress} file, in the spirit of ThreadSanitizer's suppression files: one rule
 * per line, {@code kind:pattern}, {@code #} starts a comment (whole line or after a rule), blank lines
 * are ignored. Patterns use {@code *} (any run of characters, dots included) and {@code ?}. A race is
 * suppressed when any rule matches it; like TSan, a rule about code matches if <em>either</em> access
 * does, since a benign race is benign from both sides.
 * <ul>
 * <li>{@code field:com.acme.Cache.hits}: the raced field, named by its declaring class; for array
 *     elements {@code com.acme.Grid.cells} and {@code com.acme.Grid.cells[]} both match.</li>
 * <li>{@code class:com.acme.legacy.*}: the class of either access site (the top frame).</li>
 * <li>{@code method:com.acme.Stats.record}: the method of either access site.</li>
 * <li>{@code package:com.acme.legacy}: either access site's class is in that package or below it.</li>
 * <li>{@code frame:org.apache.commons.pool2.*}: any frame of either stack, as {@code pkg.Class.method}.</li>
 * <li>{@code race:pattern}: TSan's kind: the field or any frame of either stack.</li>
 * </ul>
 */
public final class SuppressionRules {
    /** No rules: nothing is suppressed. */
    public static final SuppressionRules NONE = new SuppressionRules(List.of());

    enum Kind { FIELD, CLASS, METHOD, PACKAGE, FRAME, RACE }

    private record Rule(Kind kind, String pattern, String text) {
    }

    private final List<Rule> rules;

    private SuppressionRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** Reads and checks {@code file}; any unreadable file or bad line is an exception naming it. */
    public static SuppressionRules read(Path file) throws TriageFileException {
        return parse(file, TriageFileException.readLines(file));
    }

    static SuppressionRules parse(Path file, List<String> lines) throws TriageFileException {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = withoutComment(lines.get(i)).strip();
            if (!line.isEmpty()) {
                rules.add(rule(file, i + 1, line));
            }
        }
        return new SuppressionRules(List.copyOf(rules));
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static Rule rule(Path file, int number, String line) throws TriageFileException {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw new TriageFileException(file, number, "expected kind:pattern, got " + TriageFileException.quoted(line)
                    + " (kinds: " + kinds() + ")");
        }
        String kindName = line.substring(0, colon).strip();
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(kindName)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new TriageFileException(file, number, "unknown kind " + TriageFileException.quoted(kindName)
                    + " (kinds: " + kinds() + ")");
        }
        String pattern = line.substring(colon + 1).strip();
        if (pattern.isEmpty()) {
            throw new TriageFileException(file, number, "empty pattern after '" + kindName + ":'");
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == ':') {
                throw new TriageFileException(file, number, "bad pattern " + TriageFileException.quoted(pattern)
                        + ": expected a name with '*' and '?' wildcards, without spaces or ':'");
            }
        }
        return new Rule(kind, pattern, kindName + ":" + pattern);
    }

    private static String kinds() {
        StringBuilder b = new StringBuilder();
        for (Kind k : Kind.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(k.name().toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The first rule matching the race, as written ({@code field:com.acme.Cache.hits}), or {@code null}. */
    String match(RaceFacts race) {
        for (Rule rule : rules) {
            if (matches(rule, race)) {
                return rule.text();
            }
        }
        return null;
    }

    // Plain loops, no lambdas: this runs inside a hook on the first detection of a race, where
    // linking a call site (class loading) is best avoided.
    private static boolean matches(Rule rule, RaceFacts race) {
        String p = rule.pattern();
        switch (rule.kind()) {
            case FIELD:
                return matchesField(p, race);
            case RACE:
                return matchesField(p, race) || anyQualified(p, race.frames());
            case FRAME:
                return anyQualified(p, race.frames());
            case METHOD:
                return anyQualified(p, race.sites());
            default:
                for (RaceFacts.Site s : race.sites()) {
                    if (rule.kind() == Kind.CLASS ? Glob.matches(p, s.className()) : inPackage(p, s.packageName())) {
                        return true;
                    }
                }
                return false;
        }
    }

    private static boolean matchesField(String pattern, RaceFacts race) {
        return Glob.matches(pattern, race.field()) || Glob.matches(pattern, race.fieldWithoutElements());
    }

    private static boolean anyQualified(String pattern, java.util.List<RaceFacts.Site> sites) {
        for (RaceFacts.Site s : sites) {
            if (Glob.matches(pattern, s.qualified())) {
                return true;
            }
        }
        return false;
    }

    private static boolean inPackage(String pattern, String packageName) {
        return Glob.matches(pattern, packageName) || Glob.matches(pattern + ".*", packageName);
    }
}
