package dev.racedet.it.instrumentation;

import java.util.concurrent.CountDownLatch;

/**
 * Threads and a class loader whose {@code hashCode}/{@code equals}/{@code toString} throw: the program
 * must run as without racedet, and print "overrides called 0".
 */
public final class HostileObjects {
    static int counter;

    public static void main(String[] args) throws Exception {
        HostileLoader loader = new HostileLoader(HostileObjects.class.getClassLoader());
        ((Runnable) loader.defineFromResource(HostileDefined.class.getName()).getConstructor().newInstance()).run();
        CountDownLatch gate = new CountDownLatch(1);
        int[] shared = new int[1];
        HostileThread first = new HostileThread("hostile-1", gate, shared);
        HostileThread second = new HostileThread("hostile-2", gate, shared);
        first.start();
        second.start();
        gate.countDown();
        first.join();
        second.join();
        System.out.println("overrides called " + HostileThread.CALLS.get());
    }
}
