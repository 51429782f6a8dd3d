package selftest;

import java.util.ArrayList;
import java.util.List;

/**
 * The harness's own test program, not a benchmark: each mode exercises one path of the harness (a
 * checked result line, a metric, a score, a failure, a timeout, heap samples) in well under a second.
 * {@code bench/harness/selftest/workloads.txt} lists the modes; run them with
 * {@code bench/run.sh --workloads bench/harness/selftest --results /tmp/selftest --table /tmp/selftest.md}.
 */
public final class Tiny {
    private static long total;

    private Tiny() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "sum";
        long start = System.nanoTime();
        switch (mode) {
            case "sum" -> System.out.println("result " + sum());
            case "metric" -> {
                sum();
                System.out.println("elapsed-ms: " + (System.nanoTime() - start) / 1_000_000);
            }
            case "score" -> {
                sum();
                System.out.println("score: " + (long) (1e12 / (System.nanoTime() - start)));
            }
            case "fail" -> System.exit(3);
            case "sleep" -> Thread.sleep(60_000);
            case "heap" -> {
                for (int t = 0; t < 3; t++) {
                    sum();
                    System.gc();
                    Runtime rt = Runtime.getRuntime();
                    System.out.printf("heap-mb t=%ds %.1f%n", t, (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
                }
                System.out.println("result " + total);
            }
            default -> throw new IllegalArgumentException(mode);
        }
    }

    /** Two threads add to one total under a lock: race-free, deterministic. */
    private static long sum() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 100_000; i++) {
                    synchronized (Tiny.class) {
                        total += i;
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return total;
    }
}
