package bench.kernels;

/**
 * Monte Carlo pricing: {@code size} price paths of a geometric random walk (log-normal steps with
 * a fixed drift and volatility), each path's statistics stored in a shared result array, and the
 * expected final price and its spread aggregated at the end.
 *
 * <p>Why it is in the set: the Java Grande "Monte Carlo" kernel's shape — each thread owns a
 * random generator (an object whose state fields are read and written on every draw) and a scratch
 * path array, allocates one small result object per path and stores it into a shared array; the
 * main thread reads them all after joining the workers. The generator is reseeded from the path
 * index, so each path, and the aggregate, do not depend on which thread ran it.
 */
public final class MonteCarlo {
    private static final int STEPS = 1000;
    private static final double START_PRICE = 100.0;
    private static final double DRIFT = 0.05;
    private static final double VOLATILITY = 0.2;
    private static final double DT = 1.0 / 252.0;

    /** One path's outcome: written by the worker that simulated it, read by the main thread. */
    static final class PathResult {
        final double finalPrice;
        final double meanReturn;
        final double realizedVolatility;

        PathResult(double finalPrice, double meanReturn, double realizedVolatility) {
            this.finalPrice = finalPrice;
            this.meanReturn = meanReturn;
            this.realizedVolatility = realizedVolatility;
        }
    }

    /** A small generator (64-bit LCG with an output mix) with Gaussian draws by Box-Muller. */
    static final class Gaussian {
        private long state;
        private double spare;
        private boolean hasSpare;

        void reseed(long seed) {
            state = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
            hasSpare = false;
        }

        double nextUniform() {
            state = state * 6364136223846793005L + 1442695040888963407L;
            long z = state;
            z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
            z ^= z >>> 33;
            return ((z >>> 11) + 0.5) * 0x1.0p-53;
        }

        double nextGaussian() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double radius = Math.sqrt(-2.0 * Math.log(nextUniform()));
            double angle = 2.0 * Math.PI * nextUniform();
            spare = radius * Math.sin(angle);
            hasSpare = true;
            return radius * Math.cos(angle);
        }
    }

    private final int paths;
    private final PathResult[] results;

    MonteCarlo(int paths) {
        this.paths = paths;
        this.results = new PathResult[paths];
    }

    public static void main(String[] args) throws InterruptedException {
        int size = Args.positive(args, 0, 40_000, "size");
        int threads = Args.threads(args);
        MonteCarlo monteCarlo = new MonteCarlo(size);
        monteCarlo.run(threads);
        monteCarlo.printAggregate();
    }

    void run(int threads) throws InterruptedException {
        Runnable[] workers = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            int first = t;
            // Paths are dealt out round-robin; each worker has its own generator and scratch path.
            workers[t] = () -> {
                Gaussian random = new Gaussian();
                double[] prices = new double[STEPS + 1];
                for (int path = first; path < paths; path += threads) {
                    random.reseed(path);
                    results[path] = simulate(random, prices);
                }
            };
        }
        Args.runAll("montecarlo", workers);
    }

    private static PathResult simulate(Gaussian random, double[] prices) {
        double drift = (DRIFT - 0.5 * VOLATILITY * VOLATILITY) * DT;
        double diffusion = VOLATILITY * Math.sqrt(DT);
        prices[0] = START_PRICE;
        for (int step = 1; step <= STEPS; step++) {
            prices[step] = prices[step - 1] * Math.exp(drift + diffusion * random.nextGaussian());
        }
        // Statistics of the log returns, read back from the path as a pricing model would.
        double sum = 0.0;
        double sumSquares = 0.0;
        for (int step = 1; step <= STEPS; step++) {
            double logReturn = Math.log(prices[step] / prices[step - 1]);
            sum += logReturn;
            sumSquares += logReturn * logReturn;
        }
        double mean = sum / STEPS;
        double variance = sumSquares / STEPS - mean * mean;
        return new PathResult(prices[STEPS], mean / DT, Math.sqrt(variance / DT));
    }

    /** Aggregates in path order, printed with limited precision. */
    void printAggregate() {
        double sumPrice = 0.0;
        double sumPriceSquares = 0.0;
        double sumReturn = 0.0;
        double sumVolatility = 0.0;
        for (PathResult result : results) {
            sumPrice += result.finalPrice;
            sumPriceSquares += result.finalPrice * result.finalPrice;
            sumReturn += result.meanReturn;
            sumVolatility += result.realizedVolatility;
        }
        double meanPrice = sumPrice / paths;
        double spread = Math.sqrt(sumPriceSquares / paths - meanPrice * meanPrice);
        System.out.printf("result montecarlo %.6f %.6f %.6f %.6f%n",
                meanPrice, spread, sumReturn / paths, sumVolatility / paths);
    }
}
