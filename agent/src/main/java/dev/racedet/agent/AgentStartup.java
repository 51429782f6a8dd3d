package dev.racedet.agent;

import dev.racedet.agent.instrument.RacedetTransformer;
import dev.racedet.runtime.ExitStatus;
import dev.racedet.runtime.Lifecycle;
import dev.racedet.runtime.Racedet;
import dev.racedet.runtime.triage.Baseline;
import dev.racedet.runtime.triage.SuppressionRules;
import dev.racedet.runtime.triage.Verdicts;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Starts racedet from {@code premain}: sets the engine's limits, opens the outputs, registers the
 * exit work and installs the transformer. Loaded by the bootstrap loader, like all of racedet but
 * {@code Premain}. Anything it throws is a startup failure: {@code Premain} prints it as one line and
 * stops the JVM before {@code main}.
 */
public final class AgentStartup {
    private AgentStartup() {
    }

    /**
     * Called by {@code Premain} with options it has already validated ({@link AgentOptions#checkOutputs}).
     */
    public static void start(String optionString, Instrumentation instrumentation) throws Exception {
        AgentOptions options = new AgentOptions(optionString);
        rejectAttachOnlyOptions(options);
        // before anything else touches the engine: the limit applies to every clock
        exportInternals(instrumentation);
        Racedet.setClockLimit(options.getClockLimit());
        Racedet.setStackDepth(options.getStacks());
        Racedet.initialize();
        startTriage(options, instrumentation);
        startReports(options);
        RacedetTransformer.install(instrumentation, new ClassFilter(options.getInclude(), options.getExclude()),
                options.getCacheDirectory());
    }

    /**
     * {@code duration} ends an attached session; a {@code -javaagent} session cannot end (its classes
     * carry racedet's fields), so the option is a startup error there rather than silently ignored.
     */
    private static void rejectAttachOnlyOptions(AgentOptions options) {
        if (options.getDurationMillis() > 0) {
            throw new IllegalArgumentException("option '" + AgentOptions.DURATION + "' applies to"
                    + " 'java -jar racedet.jar attach <pid>' only: a -javaagent session lasts until the JVM exits") {
                @Override
                public String toString() {
                    return getMessage(); // Premain prints this line as it is
                }
            };
        }
    }

    /**
     * Starts the runtime in a JVM racedet was attached to ({@code AttachSession}): everything
     * {@link #start} does but installing the transformer, which the attached session does itself.
     * The options were validated by the caller.
     */
    public static void startAttached(AgentOptions options, Instrumentation instrumentation) throws Exception {
        exportInternals(instrumentation);
        Racedet.setClockLimit(options.getClockLimit());
        Racedet.setStackDepth(options.getStacks());
        Racedet.initialize();
        startReports(options);
    }

    /** The report files and the text output, kept from now on. */
    private static void startReports(AgentOptions options) throws Exception {
        if (options.getHtml() != null) {
            Lifecycle.html(path(options.getHtml()));
        }
        if (options.getSarif() != null) {
            Lifecycle.sarif(path(options.getSarif()), path(options.getSourceRoot()));
        }
        Lifecycle.start(path(options.getOut()), path(options.getJson()));
    }

    /**
     * Lets racedet (the boot loader's unnamed module) use {@code jdk.internal.access}, through which
     * the exit work is registered to run after the application's shutdown hooks, and
     * {@code jdk.internal.misc}, whose {@code Unsafe} gives the field offsets that key atomic
     * locations. Before the runtime initializes: it looks them up then.
     */
    private static void exportInternals(Instrumentation instrumentation) {
        Module javaBase = Object.class.getModule();
        if (instrumentation.isModifiableModule(javaBase)) {
            Set<Module> racedet = Set.of(Lifecycle.class.getModule());
            instrumentation.redefineModule(javaBase, Set.of(),
                    Map.of("jdk.internal.access", racedet, "jdk.internal.misc", racedet), Map.of(), Set.of(), Map.of());
        }
    }

    /**
     * What races do to the run: {@code suppress} and {@code baseline} (read again here: the files were
     * checked by {@code Premain}), in-code marks, {@code exitcode} and {@code halt}. Runs on the
     * launcher's main thread (premain), which {@link ExitStatus} needs to know.
     */
    private static void startTriage(AgentOptions options, Instrumentation instrumentation) throws Exception {
        ExitStatus.setMainThread(Thread.currentThread());
        SuppressionRules rules = options.getSuppress() == null ? SuppressionRules.NONE
                : SuppressionRules.read(path(options.getSuppress()));
        Baseline baseline = options.getBaseline() == null ? Baseline.NONE : Baseline.read(path(options.getBaseline()));
        Verdicts.configure(rules, baseline, options.getExitCode() != 0 || options.isHalt());
        Lifecycle.configureExit(options.getExitCode(), options.isHalt());
        BenignRaceScanner.install(instrumentation);
    }

    private static Path path(String option) {
        return option == null ? null : Path.of(option).toAbsolutePath().normalize();
    }
}
