package bench.kernels;

/**
 * Command-line parsing shared by the kernels: every kernel takes {@code <size> [threads]}, with
 * threads defaulting to 2 (the cores of the machine the set is sized for).
 */
final class Args {
    private Args() {
    }

    /** The {@code index}-th argument as a positive int, or {@code fallback} when absent. */
    static int positive(String[] args, int index, int fallback, String what) {
        if (args.length <= index) {
            return fallback;
        }
        int value = Integer.parseInt(args[index]);
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
        return value;
    }

    /** The thread count: the argument after the size, 2 by default. */
    static int threads(String[] args) {
        return positive(args, 1, 2, "threads");
    }

    /**
     * Starts one thread per worker and joins them all: the join orders everything the workers
     * wrote before whatever the caller does next.
     */
    static void runAll(String name, Runnable[] workers) throws InterruptedException {
        Thread[] threads = new Thread[workers.length];
        for (int t = 0; t < workers.length; t++) {
            threads[t] = new Thread(workers[t], name + "-" + t);
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
