package dev.racedet.it.instrumentation;

/** A class of the application loader whose fields code of a child loader also writes. */
public final class Shared {
    public static int total;
    public int value;
}
