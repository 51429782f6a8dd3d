package dev.racedet.it.instrumentation;

import dev.racedet.it.targets.Racers;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Two sibling loaders (args[0]: the directory holding {@link SiblingCounter}) each load their own
 * {@code SiblingCounter}; one thread increments the static field of one copy, another thread the
 * other's: no shared state, no race. The same threads also race on {@link #known}, so the run proves
 * that races are detected at all.
 */
public final class SiblingStatics {
    static int known;

    public static void main(String[] args) throws Exception {
        URL[] path = {Path.of(args[0]).toUri().toURL()};
        ClassLoader app = SiblingStatics.class.getClassLoader();
        try (URLClassLoader first = new URLClassLoader(path, app); URLClassLoader second = new URLClassLoader(path, app)) {
            Runnable one = counter(first);
            Runnable two = counter(second);
            if (one.getClass() == two.getClass()) {
                throw new IllegalStateException("the two loaders must define two classes");
            }
            Racers.race(() -> {
                one.run();
                known = 1; // RACE
            }, () -> {
                two.run();
                known = 2; // RACE
            });
        }
        System.out.println("done");
    }

    private static Runnable counter(ClassLoader loader) throws Exception {
        return (Runnable) loader.loadClass("dev.racedet.it.instrumentation.SiblingCounter").getConstructor().newInstance();
    }
}
