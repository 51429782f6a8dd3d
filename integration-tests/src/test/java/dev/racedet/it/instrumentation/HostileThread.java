package dev.racedet.it.instrumentation;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread whose {@code hashCode}/{@code equals}/{@code toString} throw (and count their calls):
 * nothing racedet does may call them. Its body loads a class on this thread, then writes a shared field.
 */
public final class HostileThread extends Thread {
    static final AtomicInteger CALLS = new AtomicInteger();
    private final CountDownLatch gate;
    private final int[] shared;

    HostileThread(String name, CountDownLatch gate, int[] shared) {
        super(name);
        this.gate = gate;
        this.shared = shared;
    }

    @Override
    public void run() {
        try {
            gate.await();
        } catch (InterruptedException e) {
            return;
        }
        LoadedLate.touch(getName());
        HostileObjects.counter++; // RACE
    }

    @Override
    public int hashCode() {
        CALLS.incrementAndGet();
        throw new IllegalStateException("hashCode of an application thread called");
    }

    @Override
    public boolean equals(Object other) {
        CALLS.incrementAndGet();
        throw new IllegalStateException("equals of an application thread called");
    }

    @Override
    public String toString() {
        CALLS.incrementAndGet();
        throw new IllegalStateException("toString of an application thread called");
    }

    /** First used on a hostile thread, so it is loaded (and transformed) there. */
    static final class LoadedLate {
        static String last;

        static void touch(String name) {
            last = name.substring(0, 1); // RACE
        }
    }
}
