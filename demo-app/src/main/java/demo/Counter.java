package demo;

/** A counter that several threads increment. */
interface Counter {
    void increment();

    int value();

    /** How the counter is protected, for the output. */
    String describe();
}
