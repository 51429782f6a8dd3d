package dev.racedet.agent.instrument;

import dev.racedet.runtime.InternalErrors;
import java.lang.instrument.Instrumentation;

/**
 * Applies the {@link JdkThreadHooks} to the JDK's thread classes once the transformer is registered:
 * {@code java.lang.Thread} is already loaded and is retransformed; {@code java.lang.VirtualThread}
 * (JDK 21+) and {@code java.lang.ApplicationShutdownHooks} are retransformed too if they are loaded,
 * otherwise they get their hooks when they load.
 */
final class ThreadHookInstaller {
    private ThreadHookInstaller() {
    }

    static void install(Instrumentation instrumentation) {
        retransform(instrumentation, Thread.class);
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            String name = loaded.getName();
            if (loaded.getClassLoader() == null && loaded != Thread.class
                    && JdkThreadHooks.hooks(name.replace('.', '/'))) {
                retransform(instrumentation, loaded);
            }
        }
    }

    private static void retransform(Instrumentation instrumentation, Class<?> type) {
        try {
            instrumentation.retransformClasses(type);
        } catch (Throwable e) {
            InternalErrors.record("hooking " + type.getName() + " (left unmodified)", e);
        }
    }
}
