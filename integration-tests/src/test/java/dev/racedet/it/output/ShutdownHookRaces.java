package dev.racedet.it.output;

import java.util.concurrent.CountDownLatch;

/**
 * Races only during JVM shutdown: two application shutdown hooks write {@code betweenHooks} after a
 * common gate, and the first hook writes {@code withDaemon} while a daemon thread, released by that
 * hook, writes it too. The hook waits until the daemon has written, so both races happen before the
 * application's hooks are done. {@code main} itself touches neither field.
 */
public final class ShutdownHookRaces {
    static int betweenHooks;
    static int withDaemon;

    public static void main(String[] args) {
        CountDownLatch hooksGate = new CountDownLatch(2);
        CountDownLatch daemonGo = new CountDownLatch(1);
        CountDownLatch daemonDone = new CountDownLatch(1);
        Thread daemon = new Thread(() -> {
            await(daemonGo);
            withDaemon = 1;
            daemonDone.countDown();
        }, "late-daemon");
        daemon.setDaemon(true);
        daemon.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemonGo.countDown();
            withDaemon = 2;
            passGate(hooksGate);
            betweenHooks = 1;
            await(daemonDone);
        }, "hook-1"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            passGate(hooksGate);
            betweenHooks = 2;
        }, "hook-2"));
        System.out.println("main done");
    }

    private static void passGate(CountDownLatch gate) {
        gate.countDown();
        await(gate);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
