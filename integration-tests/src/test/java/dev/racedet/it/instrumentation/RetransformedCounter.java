package dev.racedet.it.instrumentation;

/** A checked class with a plain field (so racedet gives it a shadow field at first load). */
public final class RetransformedCounter {
    int value;

    void bump() {
        value++; // RACE
    }
}
