package dev.racedet.runtime.triage;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The race ids of a {@code baseline} file: races already known, reported as such and not counted
 * for {@code exitcode} or {@code halt}. One id per line ({@code R} and 8 hex digits); {@code #} starts
 * a comment; text after the id is ignored, and a line of a text report holding the id in brackets
 * ({@code WARNING: racedet: data race on field demo.C.f [R7e7ce03d]}) counts too, so a pasted report
 * header works. Any other non-blank line is an error naming its number: a baseline that silently
 * lost an entry would make a known race fail the build.
 */
public final class Baseline {
    /** No baseline: no race is known. */
    public static final Baseline NONE = new Baseline(Set.of());

    private static final int ID_LENGTH = 9;

    private final Set<String> ids;

    private Baseline(Set<String> ids) {
        this.ids = ids;
    }

    /** Reads and checks {@code file}; an unreadable file or a line without an id is an exception. */
    public static Baseline read(Path file) throws TriageFileException {
        return parse(file, TriageFileException.readLines(file));
    }

    static Baseline parse(Path file, List<String> lines) throws TriageFileException {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String id = leadingId(line);
            if (id == null) {
                id = bracketedId(line);
            }
            if (id == null) {
                throw new TriageFileException(file, i + 1, "expected a race id like R7e7ce03d, got "
                        + TriageFileException.quoted(line));
            }
            ids.add(id);
        }
        return new Baseline(Set.copyOf(ids));
    }

    /** The id at the start of {@code line}, if followed by the end or a non-hex character. */
    private static String leadingId(String line) {
        if (!isIdAt(line, 0)) {
            return null;
        }
        return line.length() == ID_LENGTH || !isHex(line.charAt(ID_LENGTH))
                ? line.substring(0, ID_LENGTH).toLowerCase(Locale.ROOT).replace('r', 'R') : null;
    }

    /** The first {@code [Rxxxxxxxx]} in {@code line}. */
    private static String bracketedId(String line) {
        for (int i = line.indexOf('['); i >= 0; i = line.indexOf('[', i + 1)) {
            if (isIdAt(line, i + 1) && i + 1 + ID_LENGTH < line.length() && line.charAt(i + 1 + ID_LENGTH) == ']') {
                return line.substring(i + 1, i + 1 + ID_LENGTH).toLowerCase(Locale.ROOT).replace('r', 'R');
            }
        }
        return null;
    }

    private static boolean isIdAt(String s, int at) {
        if (at + ID_LENGTH > s.length() || s.charAt(at) != 'R' && s.charAt(at) != 'r') {
            return false;
        }
        for (int i = at + 1; i < at + ID_LENGTH; i++) {
            if (!isHex(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Whether the race with this id ({@code R7e7ce03d}) is in the baseline. */
    public boolean contains(String id) {
        return ids.contains(id);
    }

    int size() {
        return ids.size();
    }
}
