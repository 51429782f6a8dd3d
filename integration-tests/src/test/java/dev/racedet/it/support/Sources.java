package dev.racedet.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads source files and reported locations, to compare what racedet says with what the source marks. */
public final class Sources {
    /** The marker a validation target puts at the end of every line that must be reported. */
    public static final String RACE_MARKER = "// RACE";

    private static final Pattern FRAME = Pattern.compile("^(.+)\\.([^.(]+)\\(([^:()]+)(?::(\\d+))?\\)$");

    private Sources() {
    }

    /** 1-based numbers of the lines of {@code file} that end with {@link #RACE_MARKER}. */
    public static Set<Integer> markedLines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Set<Integer> marked = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).stripTrailing().endsWith(RACE_MARKER)) {
                marked.add(i + 1);
            }
        }
        return marked;
    }

    /** The first line of {@code file} containing {@code text}, 1-based; fails if there is none. */
    public static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(file + " has no line containing " + text);
    }

    /** A parsed stack-frame location such as {@code pkg.Class.method(File.java:12)}. */
    public record Frame(String className, String method, String file, int line) {
        public static Frame parse(String location) {
            Matcher m = FRAME.matcher(location);
            if (!m.matches()) {
                throw new AssertionError("not a frame location: " + location);
            }
            return new Frame(m.group(1), m.group(2), m.group(3), m.group(4) == null ? -1 : Integer.parseInt(m.group(4)));
        }
    }
}
