package dev.racedet.agent.instrument;

import dev.racedet.runtime.InternalErrors;
import java.lang.instrument.Instrumentation;

/**
 * Applies the {@link JdkThreadHooks} to the JDK's thread classes once the transformer is registered:
 * {@code java.lang.Thread} is already loaded and is retransformed; {@code java.lang.VirtualThread}
 * (JDK 21+) is retransformed too if it is loaded, otherwise it gets its hooks when it loads.
 */
final class ThreadHookInstaller {
    private ThreadHookInstaller() {
    }

    static void install(Instrumentation instrumentation) {
        retransform(instrumentation, Thread.class);
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (loaded.getClassLoader() == null && loaded.getName().equals("java.lang.VirtualThread")) {
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
