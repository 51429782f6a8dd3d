package dev.racedet.it.targets.juc;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * Trap: divide and conquer with {@code RecursiveTask} on a two-worker {@code ForkJoinPool}.
 * {@code fork} orders the parent's earlier actions before the subtask, and the subtask happens-before
 * the return of {@code join}. Subtasks write their own node's field; parents read it after
 * {@code join}; the input array is written before {@code invoke}.
 */
public class ForkJoinRecursiveTaskTrap {
    static final class Sum extends RecursiveTask<Long> {
        private final long[] data;
        private final int from;
        private final int to;
        long partial;

        Sum(long[] data, int from, int to) {
            this.data = data;
            this.from = from;
            this.to = to;
        }

        @Override
        protected Long compute() {
            if (to - from <= 64) {
                long s = 0;
                for (int i = from; i < to; i++) {
                    s += data[i];
                }
                partial = s;
                return s;
            }
            int mid = (from + to) >>> 1;
            Sum left = new Sum(data, from, mid);
            Sum right = new Sum(data, mid, to);
            left.fork();
            right.compute();
            left.join();
            partial = left.partial + right.partial;
            return partial;
        }
    }

    public static void main(String[] args) {
        long[] data = new long[4096];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        ForkJoinPool pool = new ForkJoinPool(2);
        Sum root = new Sum(data, 0, data.length);
        long total = pool.invoke(root);
        pool.shutdown();
        if (total != 4095L * 4096 / 2 || root.partial != total) {
            throw new AssertionError("sum " + total);
        }
    }
}
