package dev.racedet.it.instrumentation;

import java.util.function.Consumer;

/** Loaded by a child URLClassLoader only (the test keeps it off the application class path). */
public final class ChildWriter implements Consumer<Shared> {
    @Override
    public void accept(Shared shared) {
        shared.value = 2; // RACE
        Shared.total = 2; // RACE
    }
}
