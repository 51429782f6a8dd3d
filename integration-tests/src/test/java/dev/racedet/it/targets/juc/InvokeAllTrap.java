package dev.racedet.it.targets.juc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trap: {@code invokeAll} returns once every task completed; each returned future is done, so each
 * task happens-before main's reads after {@code get}. Every task writes its own object's field, and
 * main reads them all; the shared configuration is written before submission.
 */
public class InvokeAllTrap {
    static final class Part {
        int from;
        long sum;
    }

    private int width;

    public static void main(String[] args) throws Exception {
        InvokeAllTrap config = new InvokeAllTrap();
        config.width = 100;
        List<Part> parts = new ArrayList<>();
        List<Callable<Part>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Part part = new Part();
            part.from = i * 100;
            parts.add(part);
            tasks.add(() -> {
                for (int v = part.from; v < part.from + config.width; v++) {
                    part.sum += v;
                }
                return part;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long total = 0;
        for (Future<Part> f : pool.invokeAll(tasks)) {
            total += f.get().sum;
        }
        pool.shutdown();
        if (total != 79800 || parts.get(3).sum != 34950) {
            throw new AssertionError("wrong sum " + total);
        }
    }
}
