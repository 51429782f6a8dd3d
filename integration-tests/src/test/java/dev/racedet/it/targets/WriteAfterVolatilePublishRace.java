package dev.racedet.it.targets;

/**
 * Volatile publication only orders what comes <em>before</em> the volatile write. The writer stores
 * {@code data = 1}, publishes {@code ready = true}, then stores {@code data = 2}. The reader spins
 * until it sees {@code ready}, then reads {@code data}. The first store is ordered before the read
 * (release/acquire on {@code ready}); the second store is after the release and unordered with the
 * read, which is the reported pair. The reader performs no release of its own, so the read can never
 * be ordered before the second store either.
 */
public class WriteAfterVolatilePublishRace {

    private int data;
    private volatile boolean ready;

    void produce() {
        data = 1;
        ready = true;
        data = 2; // RACE
    }

    int consume() {
        while (!ready) {
            Thread.onSpinWait();
        }
        return data; // RACE
    }

    public static void main(String[] args) throws Exception {
        WriteAfterVolatilePublishRace channel = new WriteAfterVolatilePublishRace();
        int[] seen = new int[1];

        Racers.race(
                channel::produce,
                () -> seen[0] = channel.consume());

        if (channel.data != 2) { // after join: ordered
            throw new AssertionError("lost write");
        }
    }
}
