package dev.racedet.it.hostile;

import dev.racedet.it.support.HostileNames;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Two races whose class, fields and threads have hostile names ({@link HostileNames}). The threads
 * get their names at construction: a racer renaming itself ({@code Thread.setName}) was seen to hide
 * races now and then (reported to the lead), and this target tests names, not that.
 */
public final class Zähler {
    int 名前$wert;
    static long $ünï_κ;

    public static void main(String[] args) throws InterruptedException {
        Zähler z = new Zähler();
        List<String> names = HostileNames.THREADS; // initialized here: class initialization orders threads
        race(names, () -> z.名前$wert++, // RACE
                () -> z.名前$wert++, // RACE
                () -> $ünï_κ = 1, // RACE
                () -> $ünï_κ = 2); // RACE
    }

    /** Like {@code Racers.race}: all threads started before a gate opens, then joined; thread i is named names[i]. */
    private static void race(List<String> names, Runnable... tasks) throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        Thread[] threads = new Thread[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            Runnable task = tasks[i];
            threads[i] = new Thread(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    return;
                }
                task.run();
            }, names.get(i));
        }
        for (Thread t : threads) {
            t.start();
        }
        gate.countDown();
        for (Thread t : threads) {
            t.join();
        }
    }
}
