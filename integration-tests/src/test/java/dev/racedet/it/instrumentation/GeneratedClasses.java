package dev.racedet.it.instrumentation;

import dev.racedet.it.targets.Racers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Defines every class file {@code *.bin} of the directory args[0] (the test generates them, with
 * names legal in class files but unusual) with its own loader; each is a {@code Runnable} whose
 * {@code run()} increments one of its fields. Two threads run each, unordered: a race per class.
 */
public final class GeneratedClasses {
    public static void main(String[] args) throws Exception {
        List<Runnable> tasks = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path file : files.sorted().toList()) {
                if (file.toString().endsWith(".bin")) {
                    BytesLoader loader = new BytesLoader(GeneratedClasses.class.getClassLoader());
                    tasks.add((Runnable) loader.define(Files.readAllBytes(file)).getConstructor().newInstance());
                }
            }
        }
        for (Runnable task : tasks) {
            Racers.race(task, task);
        }
        System.out.println("ran " + tasks.size());
    }

    /** Defines classes from bytes. */
    static final class BytesLoader extends ClassLoader {
        BytesLoader(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(byte[] bytes) {
            return defineClass(null, bytes, 0, bytes.length);
        }
    }
}
