package dev.racedet.runtime.triage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code suppress} or {@code baseline} file that cannot be used: unreadable, or a line that is not
 * valid. The message is one line naming the file and, for a bad line, its number, ready to be printed
 * as a startup error.
 */
public final class TriageFileException extends Exception {
    private static final int QUOTED_MAX = 60;

    TriageFileException(Path file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
    }

    /** The lines of a triage file, in UTF-8; an unreadable file is this exception. */
    static List<String> readLines(Path file) throws TriageFileException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new TriageFileException(file, 0, "cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** {@code text} quoted for a message: control characters shown as '?', long text cut. */
    static String quoted(String text) {
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < text.length() && i < QUOTED_MAX; i++) {
            char c = text.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return b.append(text.length() > QUOTED_MAX ? "...'" : "'").toString();
    }
}
