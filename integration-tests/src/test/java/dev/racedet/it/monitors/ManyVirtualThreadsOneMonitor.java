package dev.racedet.it.monitors;

import java.lang.reflect.Method;

/**
 * Starts {@code args[0]} virtual threads that each enter a {@code synchronized} block on one shared
 * lock, joins them and prints how many entered. Under the original agent JDK 25 died with SIGSEGV in
 * the GC from about 5,000 threads on. Compiled for Java 17, so it reaches the JDK 21+ API by reflection;
 * run it on a JDK 21+.
 */
public final class ManyVirtualThreadsOneMonitor {
    private static final Object LOCK = new Object();
    private static int entered;

    private ManyVirtualThreadsOneMonitor() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Method start = Thread.class.getMethod("startVirtualThread", Runnable.class);
        Runnable task = ManyVirtualThreadsOneMonitor::enter;
        Thread[] threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            threads[i] = (Thread) start.invoke(null, task);
        }
        for (Thread t : threads) {
            t.join();
        }
        synchronized (LOCK) {
            System.out.println("entered " + entered);
        }
    }

    private static void enter() {
        synchronized (LOCK) {
            entered++;
        }
    }
}
