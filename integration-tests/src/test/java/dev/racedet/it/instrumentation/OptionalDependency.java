package dev.racedet.it.instrumentation;

import dev.racedet.it.targets.Racers;

/** Two threads race on a field of a class whose optional dependency is missing from the class path. */
public final class OptionalDependency {
    public static void main(String[] args) throws Exception {
        OptionalDependencyUser user = new OptionalDependencyUser();
        Racers.race(user::hit, user::hit);
        System.out.println("hits " + user.hits);
    }
}
