package dev.racedet.it.instrumentation;

/**
 * Loaded once by each of two sibling loaders (the test keeps it off the application class path):
 * two different classes of one name, each with its own static field. Its instance field is also
 * written by another class ({@link SiblingPeer}), which reaches it through the runtime's handle of
 * the shadow field, not inline.
 */
public final class SiblingCounter implements Runnable {
    private static int count = 10;
    int hits;

    @Override
    public void run() {
        count++;
        SiblingPeer.poke(this);
    }
}
