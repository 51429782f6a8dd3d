package bench.kernels;

import java.util.Random;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * Molecular dynamics: 4 * size^3 particles on a face-centred cubic lattice in a periodic box,
 * interacting through a Lennard-Jones potential with a cut-off, moved by velocity Verlet for
 * {@code steps} time steps (third argument, default 50); the total energy is printed with limited precision.
 *
 * <p>Why it is in the set: the Java Grande "moldyn" kernel's shape — an O(N^2) pair loop that
 * reads the fields of shared particle objects written by other threads in the previous phase, and
 * a per-thread force accumulation (each thread adds both halves of Newton's third law into its own
 * arrays) followed by a reduction, in which each thread sums every thread's partial forces for its
 * own particles. Three barriers per step order drift, forces and reduction.
 *
 * <p>The result depends on the thread count (the partial sums are added in thread order) but not
 * on timing; it is printed with 6 decimals.
 */
public final class MolDyn {
    private static final double DENSITY = 0.8442;
    private static final double TEMPERATURE = 0.722;
    private static final double CUTOFF = 2.5;
    private static final double DT = 0.004;

    /** One particle: written only by its owner thread, read by every thread in the pair loop. */
    static final class Particle {
        double x;
        double y;
        double z;
        double vx;
        double vy;
        double vz;
        double fx;
        double fy;
        double fz;
    }

    private final int count;
    private final int steps;
    private final int threads;
    private final double side;
    private final Particle[] particles;
    /** partial[t] = thread t's forces, x, y, z interleaved per particle. */
    private final double[][] partial;
    private final double[] potential;
    private final double[] virial;
    private final double[] kinetic;
    private final double[] energies;
    private final CyclicBarrier barrier;

    MolDyn(int cells, int threads, int steps) {
        this.steps = steps;
        this.energies = new double[steps + 1];
        this.count = 4 * cells * cells * cells;
        this.threads = threads;
        double lattice = Math.cbrt(4.0 / DENSITY);
        this.side = cells * lattice;
        this.particles = new Particle[count];
        this.partial = new double[threads][3 * count];
        this.potential = new double[threads];
        this.virial = new double[threads];
        this.kinetic = new double[threads];
        this.barrier = new CyclicBarrier(threads);
        placeOnLattice(cells, lattice);
        giveVelocities();
    }

    private void placeOnLattice(int cells, double lattice) {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        int n = 0;
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                for (int k = 0; k < cells; k++) {
                    for (double[] offset : basis) {
                        Particle p = new Particle();
                        p.x = (i + offset[0] + 0.25) * lattice;
                        p.y = (j + offset[1] + 0.25) * lattice;
                        p.z = (k + offset[2] + 0.25) * lattice;
                        particles[n++] = p;
                    }
                }
            }
        }
    }

    /** Random velocities with no net momentum, scaled to the target temperature. */
    private void giveVelocities() {
        Random random = new Random(1987L);
        double sx = 0;
        double sy = 0;
        double sz = 0;
        for (Particle p : particles) {
            p.vx = random.nextDouble() - 0.5;
            p.vy = random.nextDouble() - 0.5;
            p.vz = random.nextDouble() - 0.5;
            sx += p.vx;
            sy += p.vy;
            sz += p.vz;
        }
        double squares = 0;
        for (Particle p : particles) {
            p.vx -= sx / count;
            p.vy -= sy / count;
            p.vz -= sz / count;
            squares += p.vx * p.vx + p.vy * p.vy + p.vz * p.vz;
        }
        double scale = Math.sqrt(3.0 * count * TEMPERATURE / squares);
        for (Particle p : particles) {
            p.vx *= scale;
            p.vy *= scale;
            p.vz *= scale;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int cells = Args.positive(args, 0, 10, "size");
        int threads = Args.threads(args);
        if (cells < 3) {
            throw new IllegalArgumentException("size must be at least 3 (box wider than twice the cut-off)");
        }
        int steps = Args.positive(args, 2, 50, "steps");
        MolDyn md = new MolDyn(cells, threads, steps);
        md.run();
        System.out.printf("result moldyn %d %.6f %.6f%n",
                md.count, md.energies[0] / md.count, md.energies[md.steps] / md.count);
    }

    void run() throws InterruptedException {
        Runnable[] workers = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = () -> simulate(id);
        }
        Args.runAll("moldyn", workers);
    }

    private void simulate(int id) {
        int from = (int) ((long) count * id / threads);
        int to = (int) ((long) count * (id + 1) / threads);
        try {
            computeForces(id);
            barrier.await();
            reduceForces(id, from, to, false);
            barrier.await();
            recordEnergy(id, 0);
            for (int step = 1; step <= steps; step++) {
                drift(from, to);
                // Every position is moved before any thread reads it in the pair loop.
                barrier.await();
                computeForces(id);
                // Every partial force is complete before the reduction reads it.
                barrier.await();
                reduceForces(id, from, to, true);
                // Forces, velocities and energies of the step are final.
                barrier.await();
                recordEnergy(id, step);
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }

    /** First half of velocity Verlet for particles [from, to): half kick, then move, wrapped. */
    private void drift(int from, int to) {
        for (int i = from; i < to; i++) {
            Particle p = particles[i];
            p.vx += 0.5 * DT * p.fx;
            p.vy += 0.5 * DT * p.fy;
            p.vz += 0.5 * DT * p.fz;
            p.x = wrap(p.x + DT * p.vx);
            p.y = wrap(p.y + DT * p.vy);
            p.z = wrap(p.z + DT * p.vz);
        }
    }

    private double wrap(double coordinate) {
        if (coordinate < 0) {
            return coordinate + side;
        }
        if (coordinate >= side) {
            return coordinate - side;
        }
        return coordinate;
    }

    /** Pair forces for i = id, id + threads, ... against every j > i, into this thread's arrays. */
    private void computeForces(int id) {
        double[] forces = partial[id];
        java.util.Arrays.fill(forces, 0.0);
        double cutoffSquared = CUTOFF * CUTOFF;
        double energy = 0.0;
        double pressure = 0.0;
        for (int i = id; i < count; i += threads) {
            Particle a = particles[i];
            double fxi = 0.0;
            double fyi = 0.0;
            double fzi = 0.0;
            for (int j = i + 1; j < count; j++) {
                Particle b = particles[j];
                double dx = minimumImage(a.x - b.x);
                double dy = minimumImage(a.y - b.y);
                double dz = minimumImage(a.z - b.z);
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= cutoffSquared) {
                    continue;
                }
                double inverse2 = 1.0 / r2;
                double inverse6 = inverse2 * inverse2 * inverse2;
                double scalar = 24.0 * inverse2 * inverse6 * (2.0 * inverse6 - 1.0);
                energy += 4.0 * inverse6 * (inverse6 - 1.0);
                pressure += scalar * r2;
                fxi += scalar * dx;
                fyi += scalar * dy;
                fzi += scalar * dz;
                forces[3 * j] -= scalar * dx;
                forces[3 * j + 1] -= scalar * dy;
                forces[3 * j + 2] -= scalar * dz;
            }
            forces[3 * i] += fxi;
            forces[3 * i + 1] += fyi;
            forces[3 * i + 2] += fzi;
        }
        potential[id] = energy;
        virial[id] = pressure;
    }

    private double minimumImage(double delta) {
        if (delta > 0.5 * side) {
            return delta - side;
        }
        if (delta < -0.5 * side) {
            return delta + side;
        }
        return delta;
    }

    /** Sums every thread's partial forces for particles [from, to), in thread order. */
    private void reduceForces(int id, int from, int to, boolean kick) {
        double twice = 0.0;
        for (int i = from; i < to; i++) {
            double fx = 0.0;
            double fy = 0.0;
            double fz = 0.0;
            for (int t = 0; t < threads; t++) {
                double[] forces = partial[t];
                fx += forces[3 * i];
                fy += forces[3 * i + 1];
                fz += forces[3 * i + 2];
            }
            Particle p = particles[i];
            p.fx = fx;
            p.fy = fy;
            p.fz = fz;
            if (kick) {
                // Second half of velocity Verlet.
                p.vx += 0.5 * DT * fx;
                p.vy += 0.5 * DT * fy;
                p.vz += 0.5 * DT * fz;
            }
            twice += p.vx * p.vx + p.vy * p.vy + p.vz * p.vz;
        }
        kinetic[id] = 0.5 * twice;
    }

    /**
     * Thread 0 sums the per-thread energies in thread order. The others write them again only
     * after the next barrier, which thread 0 reaches after this.
     */
    private void recordEnergy(int id, int step) {
        if (id != 0) {
            return;
        }
        double total = 0.0;
        for (int t = 0; t < threads; t++) {
            total += potential[t] + kinetic[t];
        }
        energies[step] = total;
    }
}
