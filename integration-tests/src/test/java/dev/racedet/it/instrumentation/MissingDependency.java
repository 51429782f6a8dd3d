package dev.racedet.it.instrumentation;

/** An optional dependency: compiled against, then left off the class path by the test. */
public class MissingDependency {
    public static int configured;
    public volatile int generation;

    public void hello() {
    }
}
