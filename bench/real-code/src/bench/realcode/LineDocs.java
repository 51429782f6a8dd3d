package bench.realcode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes the offline input of the Lucene workload: a line-doc file for Lucene benchmark's
 * {@code LineDocSource} (one document a line: title, date, body, tab-separated) and a query file for
 * its {@code FileBasedQueryMaker} (one query a line, classic query parser syntax).
 *
 * <p>Words are made of syllables, drawn with a skewed (roughly Zipf) distribution so that postings
 * lists have realistic, uneven lengths. The seed is fixed: the same arguments give the same files.
 * Usage: {@code LineDocs DOCS_FILE QUERIES_FILE DOC_COUNT}.
 */
public final class LineDocs {
    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "ve", "za", "bri", "cho", "dan", "fel", "gor", "hin"};
    private static final int VOCABULARY = 5_000;
    private static final String[] MONTHS = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

    private final String[] words = new String[VOCABULARY];
    private final Random random = new Random(20240601L);

    private LineDocs() {
        for (int i = 0; i < VOCABULARY; i++) {
            words[i] = word(i);
        }
    }

    /** A distinct word for every index: its base-16 digits spelled as syllables. */
    private static String word(int index) {
        StringBuilder b = new StringBuilder();
        int n = index + SYLLABLES.length; // at least two syllables
        while (n > 0) {
            b.append(SYLLABLES[n % SYLLABLES.length]);
            n /= SYLLABLES.length;
        }
        return b.toString();
    }

    /** A word index, small indexes far more often than large ones. */
    private int skewedIndex() {
        double u = random.nextDouble();
        return Math.min(VOCABULARY - 1, (int) Math.pow(VOCABULARY, u) - 1);
    }

    private String words(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(words[skewedIndex()]);
        }
        return b.toString();
    }

    private void writeDocs(Path file, int count) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                String date = String.format("%02d-%s-%d %02d:%02d:%02d", 1 + random.nextInt(28),
                        MONTHS[random.nextInt(12)], 1990 + random.nextInt(30), random.nextInt(24),
                        random.nextInt(60), random.nextInt(60));
                w.write(words(3 + random.nextInt(5)) + '\t' + date + '\t' + words(80 + random.nextInt(240)));
                w.newLine();
            }
        }
    }

    /** Term, boolean, phrase and prefix queries over the same vocabulary. */
    private void writeQueries(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 40; i++) {
                String a = words[skewedIndex()];
                String b = words[skewedIndex()];
                String query = switch (i % 4) {
                    case 0 -> a;
                    case 1 -> a + " AND " + b;
                    case 2 -> '"' + a + ' ' + b + '"';
                    default -> a.substring(0, 3) + "*";
                };
                w.write(query);
                w.newLine();
            }
        }
    }

    public static void main(String[] args) throws IOException {
        LineDocs generator = new LineDocs();
        generator.writeDocs(Path.of(args[0]), Integer.parseInt(args[2]));
        generator.writeQueries(Path.of(args[1]));
    }
}
