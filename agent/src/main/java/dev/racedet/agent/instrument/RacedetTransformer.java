package dev.racedet.agent.instrument;

import dev.racedet.agent.ClassFilter;
import dev.racedet.runtime.InternalErrors;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.utility.JavaModule;

import static net.bytebuddy.matcher.ElementMatchers.any;

/**
 * Installs the class file transformer: every application class (outside the JDK and racedet) is
 * decorated with {@link RacedetVisitorWrapper} at first load: its synchronization always, its field
 * accesses when the {@link ClassFilter} includes it. A class that fails to transform loads
 * unmodified; the failure is counted as an internal error.
 */
public final class RacedetTransformer {
    private RacedetTransformer() {
    }

    public static void install(Instrumentation instrumentation, ClassFilter filter) {
        new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                // DECORATE: only our ASM visitors touch the class, nothing else is rewritten.
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new FailureListener())
                .ignore((type, loader, module, redefined, domain) -> !isApplicationClass(type, loader, filter))
                .type(any())
                .transform((builder, type, loader, module, domain) ->
                        builder.visit(new RacedetVisitorWrapper(loader, filter.includes(type.getName()))))
                .installOn(instrumentation);
    }

    /** JDK classes (bootstrap and platform loaders) are modeled, not instrumented. */
    private static boolean isApplicationClass(TypeDescription type, ClassLoader loader, ClassFilter filter) {
        return loader != null && loader != ClassLoader.getPlatformClassLoader()
                && filter.isInstrumentable(type.getName());
    }

    /** Counts transformation failures; ByteBuddy then leaves the class as it was. */
    private static final class FailureListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            InternalErrors.record("instrumenting " + typeName + " (loaded unmodified)", throwable);
        }
    }
}
