package dev.racedet.agent.instrument;

import dev.racedet.agent.ClassFilter;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * racedet's instrumentation of a JVM it was attached to, and its removal. Installing registers a
 * {@link RacedetTransformer} that adds no members (retransformation cannot add any, and detaching
 * must be able to give every class back its original shape: instance fields of every class keep
 * their state in the runtime's side table) and retransforms the classes already loaded: the JDK's
 * as at {@code -javaagent} startup ({@link JdkInstaller}) and every application class (its
 * synchronization always, its field accesses when the filter includes it). Removing unregisters the
 * transformer and retransforms every class it changed, so they run their original code again.
 *
 * <p>Frames already running when a class is retransformed keep running the code they started with
 * (the JVM's rule): what an old frame does itself is not seen, what it calls is. The caller
 * serializes {@link #install} and {@link #remove}.
 */
public final class AttachedInstrumentation {
    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private final Instrumentation instrumentation;
    private final RacedetTransformer transformer;
    private final int retransformed;

    private AttachedInstrumentation(Instrumentation instrumentation, RacedetTransformer transformer,
                                    int retransformed) {
        this.instrumentation = instrumentation;
        this.transformer = transformer;
        this.retransformed = retransformed;
    }

    /** Registers the transformer and instruments the loaded classes. Call once, after the runtime started. */
    public static AttachedInstrumentation install(Instrumentation instrumentation, ClassFilter filter,
                                                  Path cacheDirectory) {
        RacedetTransformer transformer = new RacedetTransformer(filter, JdkClassCache.open(cacheDirectory), true);
        transformer.warmUp();
        instrumentation.addTransformer(transformer, true);
        JdkInstaller.install(instrumentation, transformer.cache());
        transformer.cache().save();
        int count = retransform(instrumentation, type -> isApplication(type) && filter.isInstrumentable(type.getName()));
        return new AttachedInstrumentation(instrumentation, transformer, count);
    }

    /** How many application classes were instrumented by retransformation when attaching. */
    public int retransformedAtAttach() {
        return retransformed;
    }

    /**
     * Unregisters the transformer and gives every class it changed (application and JDK) its
     * original code back. Returns how many classes were retransformed.
     */
    public int remove() {
        instrumentation.removeTransformer(transformer);
        transformer.cache().save();
        return retransform(instrumentation, type -> transformer.changed(type.getName().replace('.', '/')));
    }

    private static boolean isApplication(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader != null && loader != PLATFORM;
    }

    /** Retransforms the modifiable loaded classes {@code which} selects, in batches; returns how many. */
    private static int retransform(Instrumentation instrumentation, Predicate<Class<?>> which) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (!loaded.isArray() && !loaded.isPrimitive() && !loaded.isHidden()
                    && instrumentation.isModifiableClass(loaded) && which.test(loaded)) {
                classes.add(loaded);
            }
        }
        JdkInstaller.retransformInBatches(instrumentation, classes, "retransforming", "left as it was");
        return classes.size();
    }
}
