package dev.racedet.it.instrumentation;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import dev.racedet.it.support.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Test support for the instrumentation tests: class directories holding only chosen compiled test
 * classes (so that a class can be kept off a class path or put behind another loader), runs of the
 * programs of this package, and the reported and marked source lines.
 */
public final class InstrumentationRuns {
    public static final String PACKAGE = "dev.racedet.it.instrumentation";

    private InstrumentationRuns() {
    }

    /**
     * Copies the compiled classes {@code names} (binary names; nested classes come along) from the
     * test classes into {@code dir}, and returns {@code dir}.
     */
    public static Path copyClasses(Path dir, String... names) throws IOException {
        Path classes = AgentRun.requiredPath("targets.classes");
        for (String name : names) {
            String internal = name.replace('.', '/');
            Path source = classes.resolve(internal + ".class");
            Path parent = source.getParent();
            String simple = source.getFileName().toString().replace(".class", "");
            try (Stream<Path> files = Files.list(parent)) {
                for (Path f : files.toList()) {
                    String file = f.getFileName().toString();
                    if (file.equals(simple + ".class") || file.startsWith(simple + "$")) {
                        Path target = dir.resolve(classes.relativize(f).toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(f, target);
                    }
                }
            }
        }
        return dir;
    }

    /** Runs {@code mainClass} of this package under the agent (JSON on) with the given class path. */
    public static AgentRun.Result run(Jdks.Jdk jdk, Path classPath, String mainClass, String... args)
            throws IOException, InterruptedException {
        AgentRun run = AgentRun.on(jdk.home());
        return run.agent(new AgentOptions().setJson(run.jsonPath().toString()))
                .runClass(classPath, PACKAGE + "." + mainClass, args);
    }

    /** A fresh directory of the run's own. */
    public static Path newDirectory(String name) throws IOException {
        return Files.createTempDirectory("racedet-" + name);
    }

    /** Every "File.java:line" location reported on either side of a race. */
    public static Set<String> reportedLocations(AgentRun.Result result) throws IOException {
        Set<String> reported = new TreeSet<>();
        for (Map<String, Object> race : result.races()) {
            for (String side : new String[] {"access", "previous"}) {
                Sources.Frame frame = Sources.Frame.parse(Json.string(Json.object(race.get(side)).get("location")));
                reported.add(frame.file() + ":" + frame.line());
            }
        }
        return reported;
    }

    /** Every "File.java:line" of the given program sources of this package marked {@code // RACE}. */
    public static Set<String> markedLocations(String... simpleNames) throws IOException {
        Set<String> marked = new TreeSet<>();
        Path dir = AgentRun.requiredPath("targets.sources").resolve(PACKAGE.replace('.', '/'));
        for (String name : simpleNames) {
            for (int line : Sources.markedLines(dir.resolve(name + ".java"))) {
                marked.add(name + ".java:" + line);
            }
        }
        return marked;
    }

    /** The qualified names of the raced fields. */
    public static Set<String> racedFields(AgentRun.Result result) throws IOException {
        Set<String> fields = new TreeSet<>();
        for (Map<String, Object> race : result.races()) {
            fields.add(Json.string(race.get("field")));
        }
        return fields;
    }

    public static long internalErrors(AgentRun.Result result) throws IOException {
        return Json.integer(result.summary().get("internalErrors"));
    }
}
