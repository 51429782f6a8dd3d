package dev.racedet.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A copy of the sample Maven project ({@code src/test/resources/sample-project}, named by the
 * {@code sample.project} system property) in a temporary directory, built with the {@code mvn} on
 * the path, offline, against the user's local repository (which the racedet build itself filled
 * with everything the sample needs), with {@code -Dracedet.jar} naming the agent under test.
 */
public final class SampleProject {
    /** One Maven run: exit status, its console output, and the project it ran in. */
    public record Build(int exitCode, String output, Path project) {
        /** The Surefire XML report of {@code testClass}, parsed. */
        public Document surefireReport(String testClass) throws Exception {
            Path xml = project.resolve("target/surefire-reports/TEST-" + testClass + ".xml");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(xml.toFile());
        }

        /**
         * The failure message of test method {@code method} in {@code testClass}'s Surefire report,
         * or {@code null} if it passed.
         */
        public String failure(String testClass, String method) throws Exception {
            NodeList cases = surefireReport(testClass).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                if (testCase.getAttribute("name").equals(method)) {
                    NodeList failures = testCase.getElementsByTagName("failure");
                    return failures.getLength() == 0 ? null : ((Element) failures.item(0)).getAttribute("message");
                }
            }
            throw new AssertionError("no test case " + method + " in the report of " + testClass + "\n" + this);
        }

        /** The racedet JSON reports the build's test JVMs wrote into {@code target}, sorted by name. */
        public List<Path> racedetReports() throws IOException {
            try (Stream<Path> files = Files.list(project.resolve("target"))) {
                return files.filter(p -> p.getFileName().toString().matches("racedet-.*\\.json")).sorted().toList();
            }
        }

        @Override
        public String toString() {
            String tail = output.length() > 20_000 ? "..." + output.substring(output.length() - 20_000) : output;
            return "mvn exit " + exitCode + " in " + project + "\n" + tail;
        }
    }

    private static final String QUICK_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final Path dir;

    private SampleProject(Path dir) {
        this.dir = dir;
    }

    /** A fresh copy of the sample project. */
    public static SampleProject copy() throws IOException {
        Path source = AgentRun.requiredPath("sample.project");
        Path target = Files.createTempDirectory("racedet-sample");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return new SampleProject(target);
    }

    /** Replaces {@code src/main/java/sample/NAME} with the sample's fixed version {@code fixed/NAME}. */
    public SampleProject fix(String fileName) throws IOException {
        Files.copy(dir.resolve("fixed").resolve(fileName), dir.resolve("src/main/java/sample").resolve(fileName),
                StandardCopyOption.REPLACE_EXISTING);
        return this;
    }

    /** Runs {@code mvn -B -o test} with {@code args} added, on the JDK running these tests. */
    public Build test(String... args) throws IOException, InterruptedException {
        // C1 only, in Maven and (through the late-bound @{argLine}) in the test JVMs: these builds
        // are short, so compiling less pays; it also shows @{argLine} taking what another plugin set.
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-o", "test",
                "-Dracedet.jar=" + AgentRun.agentJar(), "-DargLine=" + QUICK_JVM));
        command.addAll(List.of(args));
        Path log = dir.resolve("mvn-output.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("MAVEN_OPTS", QUICK_JVM);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("mvn did not finish in 10 minutes in " + dir);
        }
        return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), dir);
    }
}
