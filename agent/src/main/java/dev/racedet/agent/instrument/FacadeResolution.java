package dev.racedet.agent.instrument;

import dev.racedet.runtime.WeakIdentityTable;
import java.util.List;

/**
 * Makes each class loader whose classes racedet instruments resolve racedet's runtime classes once,
 * from the transformer, inside racedet's guard, before any instrumented code of that loader runs.
 *
 * <p>Why: the first time code of a loader refers to a class, the JVM asks that loader's
 * {@code loadClass}, which synchronizes (a class-loading lock, a {@code ConcurrentHashMap}). When
 * instrumented code of two threads first reaches a hook, that synchronization, now modeled in the
 * JDK, would order the two threads through racedet's own class references and hide a race between
 * them. Once a loader has resolved a class, the JVM remembers it and never asks again.
 */
final class FacadeResolution {
    /** The runtime classes instrumented code names (owners of hooks, types of shadow fields). */
    private static final List<String> RUNTIME_CLASSES = List.of(Hooks.FIELDS, Hooks.MONITORS, Hooks.THREADS,
            Hooks.ATOMICS, "dev/racedet/runtime/Registry", ShadowFieldPlan.STATE_CLASS);

    private final WeakIdentityTable<Boolean> resolved = new WeakIdentityTable<>();

    /** Has {@code loader} resolve the runtime classes, once. The caller is inside racedet's guard. */
    void ensure(ClassLoader loader) {
        if (loader == null || resolved.get(loader) != null) {
            return;
        }
        resolved.computeIfAbsent(loader, FacadeResolution::yes);
        for (String name : RUNTIME_CLASSES) {
            try {
                Class.forName(name.replace('/', '.'), false, loader);
            } catch (Throwable notVisible) {
                // a loader that does not delegate to the boot loader: its code cannot call racedet anyway
            }
        }
    }

    private static Boolean yes(Object loader) {
        return Boolean.TRUE;
    }
}
