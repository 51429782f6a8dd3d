package bench.kernels;

/**
 * Fourier series: the first {@code size} cosine and sine coefficients of
 * f(x) = e^(x/2) / (1 + x^2) over the period [0, 2], each an integral computed by the trapezoid
 * rule over a fixed number of steps.
 *
 * <p>Why it is in the set: the Java Grande "series" kernel's shape, pure floating-point work with
 * transcendental calls, where the only shared state is the result table — each thread writes its
 * own band of coefficient indices into one {@code double[2][size]}, and the main thread reads the
 * table after joining them. The cost of checking is then mostly the calls and field reads of the
 * integration loop, with few array writes.
 */
public final class Series {
    /** Trapezoid intervals per integral. */
    private static final int STEPS = 1000;
    private static final double LOW = 0.0;
    private static final double HIGH = 2.0;

    private final int count;
    private final double omega;
    private final double width;
    /** Row 0: cosine coefficients a_n; row 1: sine coefficients b_n. */
    private final double[][] coefficients;

    Series(int count) {
        this.count = count;
        this.omega = 2.0 * Math.PI / (HIGH - LOW);
        this.width = (HIGH - LOW) / STEPS;
        this.coefficients = new double[2][count];
    }

    public static void main(String[] args) throws InterruptedException {
        int size = Args.positive(args, 0, 10_000, "size");
        int threads = Args.threads(args);
        Series series = new Series(size);
        series.run(threads);
        System.out.printf("result series %.9e%n", series.checksum());
    }

    void run(int threads) throws InterruptedException {
        Runnable[] workers = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            // Contiguous bands: coefficient cost does not depend on n, so the bands are balanced.
            int from = (int) ((long) count * t / threads);
            int to = (int) ((long) count * (t + 1) / threads);
            workers[t] = () -> computeBand(from, to);
        }
        Args.runAll("series", workers);
    }

    private void computeBand(int from, int to) {
        for (int n = from; n < to; n++) {
            if (n == 0) {
                // a_0 is the mean value; b_0 is zero by definition.
                coefficients[0][0] = integrate(0, Mode.CONSTANT) / (HIGH - LOW);
                coefficients[1][0] = 0.0;
            } else {
                coefficients[0][n] = integrate(n, Mode.COSINE) * 2.0 / (HIGH - LOW);
                coefficients[1][n] = integrate(n, Mode.SINE) * 2.0 / (HIGH - LOW);
            }
        }
    }

    private enum Mode { CONSTANT, COSINE, SINE }

    /** Trapezoid rule for the integral of f(x) * (1 | cos(n w x) | sin(n w x)) over [LOW, HIGH]. */
    private double integrate(int n, Mode mode) {
        double frequency = n * omega;
        double sum = (integrand(LOW, frequency, mode) + integrand(HIGH, frequency, mode)) / 2.0;
        double x = LOW;
        for (int i = 1; i < STEPS; i++) {
            x += width;
            sum += integrand(x, frequency, mode);
        }
        return sum * width;
    }

    private static double integrand(double x, double frequency, Mode mode) {
        double f = function(x);
        switch (mode) {
            case COSINE:
                return f * Math.cos(frequency * x);
            case SINE:
                return f * Math.sin(frequency * x);
            default:
                return f;
        }
    }

    private static double function(double x) {
        return Math.exp(x / 2.0) / (1.0 + x * x);
    }

    /** Sum of |a_n| + |b_n| in index order: independent of the thread count and timing. */
    double checksum() {
        double sum = 0.0;
        for (int n = 0; n < count; n++) {
            sum += Math.abs(coefficients[0][n]) + Math.abs(coefficients[1][n]);
        }
        return sum;
    }
}
