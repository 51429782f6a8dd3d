package dev.racedet.it.targets;

/**
 * Trap: ordering through {@code Thread.join}. Main starts a worker thread that fills in results,
 * then starts the racers without waiting. Both racers call {@code worker.join()} before reading
 * the results, and the worker's writes happen-before a join that returned after the worker
 * terminated. Neither racer writes, so the two readers do not race with each other either.
 */
public class JoinEdgeTrap {

    private long checksum;
    private String status = "pending";

    public static void main(String[] args) throws Exception {
        JoinEdgeTrap results = new JoinEdgeTrap();
        Thread worker = new Thread(() -> {
            long c = 0;
            for (int i = 1; i <= 1000; i++) {
                c += i;
            }
            results.checksum = c;
            results.status = "done";
        }, "worker");
        worker.start();
        long[] seen = new long[2];

        Racers.race(
                Racers.unchecked(() -> {
                    worker.join();
                    seen[0] = results.checksum + results.status.length();
                }),
                Racers.unchecked(() -> {
                    worker.join();
                    seen[1] = results.checksum + results.status.length();
                }));

        if (seen[0] != 500_504 || seen[1] != 500_504) {
            throw new AssertionError("unexpected " + seen[0] + ", " + seen[1]);
        }
    }
}
