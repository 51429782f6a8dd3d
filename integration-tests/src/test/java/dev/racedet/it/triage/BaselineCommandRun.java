package dev.racedet.it.triage;

import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar racedet.jar baseline REPORT...} as a user would, its output into a file. */
public final class BaselineCommandRun {
    private BaselineCommandRun() {
    }

    /** The command's exit status; its standard output is in {@code baseline}. */
    public static int run(Jdks.Jdk jdk, Path baseline, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jdk.home().resolve("bin").resolve("java").toString(),
                "-jar", AgentRun.agentJar().toString(), "baseline"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(baseline.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the baseline command did not end: " + command);
        }
        return p.exitValue();
    }
}
