package dev.racedet.it.instrumentation;

/** Writes a field of {@link SiblingCounter} from another class (loaded beside it by each sibling). */
final class SiblingPeer {
    private SiblingPeer() {
    }

    static void poke(SiblingCounter counter) {
        counter.hits++;
    }
}
