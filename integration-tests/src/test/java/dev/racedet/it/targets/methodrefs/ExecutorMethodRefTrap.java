package dev.racedet.it.targets.methodrefs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trap: tasks submitted as method references ({@code report::compute}) and results fetched through
 * a {@code Future::get} reference in a helper. The submit → task → get edges do not depend on how
 * the call is written.
 */
public class ExecutorMethodRefTrap {
    interface Getter {
        Object get(Future<?> f) throws Exception;
    }

    private int[] input;
    private int output;

    void compute() {
        int s = 0;
        for (int v : input) {
            s += v;
        }
        output = s;
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Getter getter = Future::get;
        try {
            for (int i = 0; i < 10; i++) {
                ExecutorMethodRefTrap report = new ExecutorMethodRefTrap();
                report.input = new int[] {i, i, i};
                getter.get(pool.submit(report::compute));
                if (report.output != 3 * i) {
                    throw new AssertionError("output " + report.output);
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
