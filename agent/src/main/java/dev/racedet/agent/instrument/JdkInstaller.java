package dev.racedet.agent.instrument;

import dev.racedet.runtime.InternalErrors;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Instruments the JDK classes that were loaded before the transformer was registered, by
 * retransformation (no member is added): the synchronization of every {@link JdkClasses} class and
 * the {@link JdkThreadHooks}. Classes loaded later are instrumented as they load. Classes are
 * retransformed in batches; a batch that fails is retried class by class, and a class that cannot
 * be retransformed stays as it is (counted as an internal error). Classes the {@link JdkClassCache}
 * knows to need nothing are not retransformed at all.
 */
final class JdkInstaller {
    private static final int BATCH = 200;

    private JdkInstaller() {
    }

    static void install(Instrumentation instrumentation, JdkClassCache cache) {
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        List<Class<?>> jdk = new ArrayList<>();
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            ClassLoader loader = loaded.getClassLoader();
            if ((loader == null || loader == platform) && !loaded.isArray() && !loaded.isPrimitive()
                    && !loaded.isHidden() && instrumentation.isModifiableClass(loaded) && applies(loaded, loader)
                    && !cache.knownUnchanged(loaded.getName().replace('.', '/'))) {
                jdk.add(loaded);
            }
        }
        retransformInBatches(instrumentation, jdk, "instrumenting", "left unmodified");
    }

    private static boolean applies(Class<?> type, ClassLoader loader) {
        String name = type.getName().replace('.', '/');
        return JdkClasses.instruments(name) || loader == null && JdkThreadHooks.hooks(name);
    }

    /**
     * Retransforms {@code classes} in batches; a batch that fails is retried class by class, and a
     * class that still fails stays as it is, recorded as "{@code doing} class ({@code outcome})".
     */
    static void retransformInBatches(Instrumentation instrumentation, List<Class<?>> classes, String doing,
                                     String outcome) {
        for (int from = 0; from < classes.size(); from += BATCH) {
            retransform(instrumentation, classes.subList(from, Math.min(classes.size(), from + BATCH)), doing, outcome);
        }
    }

    private static void retransform(Instrumentation instrumentation, List<Class<?>> batch, String doing,
                                    String outcome) {
        try {
            instrumentation.retransformClasses(batch.toArray(new Class<?>[0]));
        } catch (Throwable batchFailed) {
            for (Class<?> type : batch) {
                try {
                    instrumentation.retransformClasses(type);
                } catch (Throwable e) {
                    InternalErrors.record(doing + " " + type.getName() + " (" + outcome + ")", e);
                }
            }
        }
    }
}
