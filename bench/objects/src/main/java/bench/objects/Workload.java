package bench.objects;

/**
 * What every workload of this directory shares: reading its size arguments, folding values into a
 * checksum and printing the one deterministic result line the harness compares with and without the
 * agent ({@code result <name> <checksum>}). Informational figures (rates, times) go on other lines,
 * since they depend on timing.
 */
final class Workload {

    private Workload() {
    }

    /** The {@code index}th argument as a positive int, or {@code fallback} when absent. */
    static int intArg(String[] args, int index, int fallback) {
        if (args.length <= index) {
            return fallback;
        }
        int value = Integer.parseInt(args[index]);
        if (value <= 0) {
            throw new IllegalArgumentException("argument " + (index + 1) + " must be positive: " + value);
        }
        return value;
    }

    /** Order-dependent fold of {@code value} into {@code hash} (a 64-bit FNV-1a-like step). */
    static long mix(long hash, long value) {
        long h = hash ^ value;
        h *= 0x100000001b3L;
        return h ^ (h >>> 29);
    }

    /** The seed every checksum starts from. */
    static long seed() {
        return 0xcbf29ce484222325L;
    }

    static void printResult(String name, long checksum) {
        System.out.println("result " + name + " " + Long.toHexString(checksum));
    }

    /** Joins every thread, turning an interruption of main into an error (none is expected). */
    static void joinAll(Thread[] threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while joining " + t.getName(), e);
            }
        }
    }
}
