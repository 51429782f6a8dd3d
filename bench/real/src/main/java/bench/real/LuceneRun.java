package bench.real;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.benchmark.byTask.Benchmark;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

/**
 * Runs Lucene's own benchmark driver ({@code org.apache.lucene.benchmark.byTask.Benchmark}, as it is)
 * on bench/real-code's {@code index-and-search.alg}: threads index generated documents into an
 * {@code FSDirectory} with concurrent merges, update documents while a near-real-time reader reopens,
 * force-merge, then search in parallel. It is in the set as a real, multi-threaded library program
 * nobody here wrote.
 *
 * <p>Lucene's report holds times and rates, nothing to compare between runs, so afterwards this opens
 * the final index and prints one deterministic line, {@code lucene: docs N, hits H over Q queries}:
 * the documents left and the total hit count of the query file. The index content does not depend on
 * thread timing (every document of the file is indexed once; the updates replace documents by id with
 * the same generated content), so the line is the same with and without racedet.
 *
 * <p>Usage: {@code LuceneRun ALG_TEMPLATE DOCS_FILE QUERIES_FILE THREADS}. The .alg is written to the
 * working directory with the absolute input paths and the thread count; Lucene's index goes to
 * {@code work/index} there.
 */
public final class LuceneRun {
    public static void main(String[] args) throws Exception {
        Path docs = Path.of(args[1]).toAbsolutePath();
        Path queries = Path.of(args[2]).toAbsolutePath();
        String alg = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)
                .replace("@THREADS@", args[3])
                .replace("docs.file=docs.txt", "docs.file=" + docs)
                .replace("file.query.maker.file=queries.txt", "file.query.maker.file=" + queries);
        Path run = Path.of("run.alg");
        Files.writeString(run, alg, StandardCharsets.UTF_8);
        new Benchmark(Files.newBufferedReader(run, StandardCharsets.UTF_8)).execute();

        List<String> lines = Files.readAllLines(queries, StandardCharsets.UTF_8);
        try (FSDirectory directory = FSDirectory.open(Path.of("work", "index"));
             DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            QueryParser parser = new QueryParser("body", new StandardAnalyzer());
            long hits = 0;
            for (String line : lines) {
                hits += searcher.count(parser.parse(line));
            }
            System.out.println("lucene: docs " + reader.numDocs() + ", hits " + hits + " over "
                    + lines.size() + " queries");
        }
    }
}
