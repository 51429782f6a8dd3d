package dev.racedet.it.instrumentation;

import dev.racedet.it.targets.Racers;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Code of the application loader and code of a child loader (args[0]: the directory holding
 * {@link ChildWriter}) write the same instance and static field of a parent-loaded class, unordered.
 */
public final class LoaderRace {
    public static void main(String[] args) throws Exception {
        Shared shared = new Shared();
        URL childPath = Path.of(args[0]).toUri().toURL();
        try (URLClassLoader child = new URLClassLoader(new URL[] {childPath}, LoaderRace.class.getClassLoader())) {
            @SuppressWarnings("unchecked")
            Consumer<Shared> childTask = (Consumer<Shared>) child
                    .loadClass("dev.racedet.it.instrumentation.ChildWriter").getConstructor().newInstance();
            if (childTask.getClass().getClassLoader() != child) {
                throw new IllegalStateException("ChildWriter must come from the child loader");
            }
            Racers.race(() -> {
                shared.value = 1; // RACE
                Shared.total = 1; // RACE
            }, () -> childTask.accept(shared));
        }
        System.out.println("done");
    }
}
