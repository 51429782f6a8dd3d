package dev.racedet.agent;

import dev.racedet.agent.instrument.RacedetTransformer;
import dev.racedet.runtime.Lifecycle;
import dev.racedet.runtime.Racedet;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Starts racedet from {@code premain}: opens the outputs, initializes the runtime and installs the
 * transformer. Loaded by the bootstrap loader, like all of racedet but {@code Premain}.
 */
public final class AgentStartup {
    private AgentStartup() {
    }

    /**
     * Called by {@code Premain} with options it has already validated ({@link AgentOptions#checkOutputs}).
     */
    public static void start(String optionString, Instrumentation instrumentation) throws IOException {
        AgentOptions options = new AgentOptions(optionString);
        // ByteBuddy's safe mode keeps it off sun.misc.Unsafe (JDK 24+ warns); relocated property name.
        System.setProperty("dev.racedet.shaded.bytebuddy.safe", "true");
        Racedet.initialize();
        Lifecycle.start(textOutput(options.getOut()), options.getJson() == null ? null
                : Path.of(options.getJson()).toAbsolutePath());
        RacedetTransformer.install(instrumentation, new ClassFilter(options.getInclude(), options.getExclude()));
    }

    private static PrintStream textOutput(String path) throws IOException {
        return path == null ? System.err
                : new PrintStream(new FileOutputStream(path), true, StandardCharsets.UTF_8);
    }
}
