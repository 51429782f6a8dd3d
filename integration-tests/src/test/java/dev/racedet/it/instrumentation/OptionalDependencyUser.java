package dev.racedet.it.instrumentation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Refers to {@link MissingDependency} in a generic super interface, field and method types, a generic
 * signature, and field and method instructions of code that never runs, as classes with optional
 * dependencies do. The JVM
 * loads and runs it without that class; racedet must check it like any other class.
 */
public final class OptionalDependencyUser implements Supplier<MissingDependency> {
    private MissingDependency dependency;
    private final List<MissingDependency> dependencies = new ArrayList<>();
    int hits;

    /** Never called when the dependency is missing. */
    MissingDependency useDependency(MissingDependency given) {
        dependency = given;
        given.hello();
        given.generation++;
        MissingDependency.configured++;
        dependencies.add(given);
        return dependency;
    }

    /** Never called when the dependency is missing. */
    @Override
    public MissingDependency get() {
        return dependency;
    }

    void hit() {
        hits++; // RACE
    }
}
