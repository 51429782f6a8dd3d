package dev.racedet.it.thirdparty.programs;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.lang3.tuple.MutablePair;

/**
 * The {@code Start-Class} of a Spring Boot fat jar: it runs from {@code BOOT-INF/classes} and uses
 * commons-lang3 from a nested jar in {@code BOOT-INF/lib}. Races: {@code Stats.requests}
 * (read-modify-write by both racers), {@code MutablePair.left} (a public field of the library
 * class, written by application code in both racers) and {@code Heartbeat.beats}, written by a
 * daemon thread and by an application shutdown hook. Trap: {@code Stats.served}, only under the
 * monitor.
 */
public final class BootProgram {
    private static final int ROUNDS = 5_000;

    static final class Stats {
        int requests;
        private int served;

        synchronized void serve() {
            served++;
        }

        synchronized int served() {
            return served;
        }
    }

    static final class Heartbeat {
        long beats;
    }

    private static final Heartbeat HEART = new Heartbeat();
    /** How many beats the daemon completed; it gives the hook no edge from the daemon's writes. */
    private static final AtomicLong PROGRESS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Stats stats = new Stats();
        MutablePair<String, Integer> last = MutablePair.of("none", 0);
        Racers.race(() -> work(stats, last, "first"), () -> work(stats, last, "second"));
        System.out.println("served " + stats.served());

        Thread daemon = new Thread(BootProgram::beat, "heartbeat");
        daemon.setDaemon(true);
        daemon.start();
        Runtime.getRuntime().addShutdownHook(new Thread(BootProgram::stopHeart, "stop-heart"));
    }

    /** The unlocked loop first: its accesses precede every lock handoff between the racers. */
    private static void work(Stats stats, MutablePair<String, Integer> last, String name) {
        for (int i = 0; i < ROUNDS; i++) {
            stats.requests++; // RACE
            last.left = name; // RACE
        }
        for (int i = 0; i < ROUNDS; i++) {
            stats.serve();
        }
    }

    private static void beat() {
        while (true) {
            HEART.beats++; // RACE
            PROGRESS.incrementAndGet();
        }
    }

    /** Writes, then waits until the daemon wrote again, so the race happens during shutdown. */
    private static void stopHeart() {
        HEART.beats = -1; // RACE
        long seen = PROGRESS.get();
        while (PROGRESS.get() < seen + 2) {
            Thread.onSpinWait();
        }
    }
}
