package dev.racedet.it.targets;

/**
 * Trap: a {@code Thread} subclass whose {@code start()} override writes fields before calling
 * {@code super.start()}. Those writes happen-before the new thread: the start edge is the JDK's own
 * {@code Thread.start}, not the call site of the override. A detector that records the start where
 * the application calls {@code start()} would report the reads in {@code run()} as races.
 */
public class ThreadSubclassStartTrap {

    static final class ConfiguredWorker extends Thread {
        private int batchSize;
        private String label;
        int result;

        ConfiguredWorker() {
            super("configured-worker");
        }

        @Override
        public void start() {
            batchSize = 64; // written by the starter just before the real start
            label = "batch";
            super.start();
        }

        @Override
        public void run() {
            result = label.length() + batchSize; // ordered after the writes in start()
        }
    }

    public static void main(String[] args) throws Exception {
        ConfiguredWorker worker = new ConfiguredWorker();
        worker.start();
        worker.join();
        if (worker.result != 69) { // after join: ordered
            throw new AssertionError("unexpected result " + worker.result);
        }
    }
}
