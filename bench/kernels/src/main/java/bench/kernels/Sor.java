package bench.kernels;

import java.util.Random;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * Red-black successive over-relaxation on a shared {@code double[size][size]} grid, {@code iterations}
 * times (third argument, default 100).
 *
 * <p>Why it is in the set: the Java Grande "SOR" kernel's shape, the densest array traffic of the
 * kernels — every update reads four neighbours and writes one element of a shared 2-D array. Each
 * thread owns a band of rows; the rows at the edge of a band are read by the neighbouring band's
 * thread, so the sharing is real and ordered only by the barrier between colours. Red-black
 * ordering (cells with even i+j, then odd) makes the result independent of the band split: during
 * one colour no cell read is written.
 */
public final class Sor {
    private static final double OMEGA = 1.25;

    private final int size;
    private final int iterations;
    private final double[][] grid;
    private final CyclicBarrier barrier;

    Sor(int size, int threads, int iterations) {
        this.size = size;
        this.iterations = iterations;
        this.grid = new double[size][size];
        this.barrier = new CyclicBarrier(threads);
        Random random = new Random(101010L);
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                grid[i][j] = random.nextDouble();
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int size = Args.positive(args, 0, 1000, "size");
        int threads = Args.threads(args);
        int iterations = Args.positive(args, 2, 100, "iterations");
        Sor sor = new Sor(size, threads, iterations);
        sor.run(threads);
        System.out.printf("result sor %.9e%n", sor.checksum());
    }

    void run(int threads) throws InterruptedException {
        int interior = size - 2;
        Runnable[] workers = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            int first = 1 + (int) ((long) interior * t / threads);
            int last = 1 + (int) ((long) interior * (t + 1) / threads);
            workers[t] = () -> relaxBand(first, last);
        }
        Args.runAll("sor", workers);
    }

    /** Rows [first, last) of this thread's band, every iteration, both colours. */
    private void relaxBand(int first, int last) {
        double quarter = OMEGA * 0.25;
        double keep = 1.0 - OMEGA;
        try {
            for (int iteration = 0; iteration < iterations; iteration++) {
                for (int colour = 0; colour < 2; colour++) {
                    for (int i = first; i < last; i++) {
                        double[] above = grid[i - 1];
                        double[] row = grid[i];
                        double[] below = grid[i + 1];
                        for (int j = 1 + ((i + colour + 1) & 1); j < size - 1; j += 2) {
                            row[j] = quarter * (above[j] + below[j] + row[j - 1] + row[j + 1])
                                    + keep * row[j];
                        }
                    }
                    // The other colour reads what this one wrote, across band edges.
                    barrier.await();
                }
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sum of the grid in row-major order. */
    double checksum() {
        double sum = 0.0;
        for (double[] row : grid) {
            for (double value : row) {
                sum += value;
            }
        }
        return sum;
    }
}
