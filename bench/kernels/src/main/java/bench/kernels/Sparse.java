package bench.kernels;

import java.util.Random;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * Sparse matrix-vector multiply in compressed-row (CSR) form, repeated: a Jacobi-style iteration
 * x' = A x + b over a random matrix with a fixed number of non-zeros per row, scaled so that the
 * iteration converges;
 * {@code size} rows, {@code iterations} multiplies (third argument, default 100).
 *
 * <p>Why it is in the set: the Java Grande "sparse matmult" kernel's shape — indirect, irregular
 * reads ({@code x[columns[k]]}) of a shared vector that every thread reads all over, next to
 * streaming reads of the CSR arrays. Each thread owns a band of rows: it writes its part of
 * {@code y}, then (after a barrier) copies it into {@code x}, which all threads read in the next
 * multiply after a second barrier.
 */
public final class Sparse {
    private static final int PER_ROW = 10;

    private final int rows;
    private final int iterations;
    private final int[] rowStart;
    private final int[] columns;
    private final double[] values;
    private final double[] b;
    private final double[] x;
    private final double[] y;
    private final CyclicBarrier barrier;

    Sparse(int rows, int threads, int iterations) {
        this.rows = rows;
        this.iterations = iterations;
        this.rowStart = new int[rows + 1];
        this.columns = new int[rows * PER_ROW];
        this.values = new double[rows * PER_ROW];
        this.b = new double[rows];
        this.x = new double[rows];
        this.y = new double[rows];
        this.barrier = new CyclicBarrier(threads);
        Random random = new Random(424242L);
        int k = 0;
        for (int i = 0; i < rows; i++) {
            rowStart[i] = k;
            double rowSum = 0.0;
            for (int n = 0; n < PER_ROW; n++) {
                columns[k + n] = random.nextInt(rows);
                values[k + n] = random.nextDouble() - 0.3;
                rowSum += Math.abs(values[k + n]);
            }
            // Absolute row sums of 0.9 make A a contraction: the iteration converges.
            for (int n = 0; n < PER_ROW; n++) {
                values[k + n] *= 0.9 / rowSum;
            }
            k += PER_ROW;
            b[i] = random.nextDouble();
        }
        rowStart[rows] = k;
    }

    public static void main(String[] args) throws InterruptedException {
        int size = Args.positive(args, 0, 500_000, "size");
        int threads = Args.threads(args);
        int iterations = Args.positive(args, 2, 100, "iterations");
        Sparse sparse = new Sparse(size, threads, iterations);
        sparse.run(threads);
        System.out.printf("result sparse %.9e%n", sparse.checksum());
    }

    void run(int threads) throws InterruptedException {
        Runnable[] workers = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) rows * t / threads);
            int to = (int) ((long) rows * (t + 1) / threads);
            workers[t] = () -> iterateBand(from, to);
        }
        Args.runAll("sparse", workers);
    }

    private void iterateBand(int from, int to) {
        try {
            for (int iteration = 0; iteration < iterations; iteration++) {
                for (int i = from; i < to; i++) {
                    double sum = b[i];
                    for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                        sum += values[k] * x[columns[k]];
                    }
                    y[i] = sum;
                }
                // Every thread has read the old x before anyone overwrites it.
                barrier.await();
                System.arraycopy(y, from, x, from, to - from);
                // The whole new x is written before the next multiply reads it.
                barrier.await();
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sum of x in index order. */
    double checksum() {
        double sum = 0.0;
        for (int i = 0; i < rows; i++) {
            sum += x[i];
        }
        return sum;
    }
}
