package dev.racedet.it.thirdparty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.tools.ExecFileLoader;

/**
 * Reads a JaCoCo {@code .exec} file the way JaCoCo's report tools do: the execution data is matched
 * to the original class files by class id (a checksum of the bytes JaCoCo instrumented). A class
 * whose id does not match (because another agent changed the bytes before JaCoCo saw them) shows as
 * "does not match" with no covered line.
 */
public final class Coverage {
    private Coverage() {
    }

    /** What JaCoCo measured for one class. */
    public record ClassLines(int covered, int total, boolean noMatch) {
    }

    /**
     * Coverage of every class file in {@code classDirectory} whose name starts with
     * {@code classPrefix} (a class and its nested classes), by binary class name.
     */
    public static Map<String, ClassLines> lines(Path execFile, Path classDirectory, String classPrefix)
            throws IOException {
        ExecFileLoader loader = new ExecFileLoader();
        loader.load(execFile.toFile());
        CoverageBuilder builder = new CoverageBuilder();
        Analyzer analyzer = new Analyzer(loader.getExecutionDataStore(), builder);
        try (Stream<Path> files = Files.list(classDirectory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(classPrefix)
                    && f.getFileName().toString().endsWith(".class")).sorted().toList()) {
                analyzer.analyzeAll(file.toFile());
            }
        }
        Map<String, ClassLines> result = new TreeMap<>();
        for (IClassCoverage c : builder.getClasses()) {
            result.put(c.getName().replace('/', '.'), new ClassLines(c.getLineCounter().getCoveredCount(),
                    c.getLineCounter().getTotalCount(), c.isNoMatch()));
        }
        return result;
    }
}
