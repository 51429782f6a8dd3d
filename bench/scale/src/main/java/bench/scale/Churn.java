package bench.scale;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Scale: a long run (60 s by default) whose memory must stay flat. It works in rounds; each round
 * starts 8 short-lived threads that build private object graphs and drop them, add to a shared box
 * under {@code synchronized} and a {@link ReentrantLock}, and read a configuration one of them
 * publishes through a volatile field; then they end and the main thread joins them and checks the
 * round's sum. The last 64 rounds' boxes are kept and then dropped, so objects also die middle-aged.
 * racedet keeps state for threads, objects and locks: if it kept any of it for dead ones, the heap
 * would climb.
 *
 * <p>Every period (5 s) the main thread, between rounds, runs a full GC and prints the heap in use:
 * {@code heap-mb t=10s 42.1} (the harness shows the first and last). At the end it prints
 * {@code rounds: N}, the work done in the fixed time (the harness's score: slowdown = plain rounds /
 * racedet rounds), and {@code result rounds-correct=true}, which does not depend on timing.
 *
 * <p>Usage: {@code Churn [seconds] [period-seconds]}.
 */
public final class Churn {
    private static final int THREADS = 8;
    private static final int NODES = 200;
    private static final int KEPT_ROUNDS = 64;

    /** Fields guarded by the box's monitor ({@code sum}) and by the round's lock ({@code count}). */
    static final class Box {
        long sum;
        long count;
    }

    /** Published by one worker through {@link Round#config}; plain fields, safe by the volatile. */
    static final class Config {
        final long seed;
        int readers;

        Config(long seed) {
            this.seed = seed;
        }
    }

    /** A private list node: allocated, summed and dropped by one thread. */
    static final class Node {
        final long value;
        final Node next;

        Node(long value, Node next) {
            this.value = value;
            this.next = next;
        }
    }

    /** One round's shared state. */
    static final class Round {
        final Box box = new Box();
        final ReentrantLock lock = new ReentrantLock();
        volatile Config config;
    }

    private Churn() {
    }

    static long value(long round, int thread, int i) {
        return (round * 31 + thread) * 17 + i;
    }

    public static void main(String[] args) throws InterruptedException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int period = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long nextSample = start + period * 1_000_000_000L;
        ArrayDeque<Box> kept = new ArrayDeque<>();
        long rounds = 0;
        long wrong = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= nextSample) {
                sample((now - start) / 1_000_000_000L);
                nextSample += period * 1_000_000_000L;
                continue; // the sample took time: look at the clock again
            }
            if (now >= end) {
                break;
            }
            Box box = round(rounds);
            if (box.sum != expected(rounds) || box.count != THREADS) {
                wrong++;
            }
            kept.addLast(box);
            if (kept.size() > KEPT_ROUNDS) {
                kept.removeFirst();
            }
            rounds++;
        }
        System.out.println("rounds: " + rounds);
        System.out.println("result rounds-correct=" + (wrong == 0));
    }

    private static Box round(long r) throws InterruptedException {
        Round round = new Round();
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            threads[t] = new Thread(() -> work(round, r, id), "churn-" + r + "-" + t);
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return round.box;
    }

    private static void work(Round round, long r, int id) {
        if (id == 0) {
            round.config = new Config(r);
        }
        Node list = null;
        for (int i = 0; i < NODES; i++) {
            list = new Node(value(r, id, i), list);
        }
        long local = 0;
        for (Node n = list; n != null; n = n.next) {
            local += n.value;
        }
        Config config;
        while ((config = round.config) == null) {
            Thread.yield(); // worker 0 publishes soon
        }
        synchronized (round.box) {
            round.box.sum += local + config.seed;
            config.readers++; // ordered by the box's monitor, like the sum
        }
        round.lock.lock();
        try {
            round.box.count++;
        } finally {
            round.lock.unlock();
        }
    }

    private static long expected(long r) {
        long sum = 0;
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < NODES; i++) {
                sum += value(r, t, i);
            }
            sum += r;
        }
        return sum;
    }

    private static void sample(long t) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        double mb = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
        System.out.printf(Locale.ROOT, "heap-mb t=%ds %.1f%n", t, mb);
    }
}
