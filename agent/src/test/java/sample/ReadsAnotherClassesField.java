package sample;

/**
 * A checked class (outside racedet's own packages, which are never instrumented) whose code reads a
 * field another class declares: the case of racedet's shadow links (tests of the instrumentation).
 */
public final class ReadsAnotherClassesField {
    /** The other class. */
    public static final class Holder {
        int value;
    }

    int read(Holder h) {
        return h.value;
    }
}
