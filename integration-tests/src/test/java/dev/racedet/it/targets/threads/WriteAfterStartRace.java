package dev.racedet.it.targets.threads;

/**
 * Race: main writes a field after starting the thread that reads it. {@code start} orders only what
 * main did before it, and main synchronizes with the reader again only at {@code join}, after the
 * write: the read and the write are unordered in every run, whichever comes first.
 */
public class WriteAfterStartRace {
    private int limit;

    public static void main(String[] args) throws Exception {
        WriteAfterStartRace config = new WriteAfterStartRace();
        int[] seen = new int[1];
        Thread reader = new Thread(() -> seen[0] = config.limit, "reader"); // RACE
        reader.start();
        config.limit = 10; // RACE
        reader.join();
    }
}
