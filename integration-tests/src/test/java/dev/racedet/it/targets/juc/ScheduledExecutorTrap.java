package dev.racedet.it.targets.juc;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Trap: {@code ScheduledExecutorService}. A delayed task reads what main wrote before scheduling it
 * and main reads its result after {@code get}; a fixed-rate task keeps a plain counter, which is
 * fine because successive executions of a periodic task do not overlap and the effects of prior
 * executions happen-before subsequent ones (ScheduledThreadPoolExecutor javadoc), even on different
 * workers. The periodic task stops itself by throwing, which completes its future exceptionally.
 */
public class ScheduledExecutorTrap {
    private int input;
    private int output;
    private int runs;

    public static void main(String[] args) throws Exception {
        ScheduledExecutorTrap state = new ScheduledExecutorTrap();
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
        state.input = 21;
        ScheduledFuture<?> once = pool.schedule(() -> state.output = state.input * 2, 1, TimeUnit.MILLISECONDS);
        once.get();
        ScheduledFuture<?> periodic = pool.scheduleAtFixedRate(() -> {
            if (++state.runs == 5) {
                throw new IllegalStateException("stop");
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        try {
            periodic.get();
            throw new AssertionError("periodic task completed normally");
        } catch (ExecutionException expected) {
            // thrown by the fifth run
        }
        pool.shutdown();
        if (state.output != 42 || state.runs != 5) {
            throw new AssertionError("output " + state.output + " runs " + state.runs);
        }
    }
}
