package dev.racedet.it.instrumentation;

import java.lang.reflect.Method;

/**
 * Starts platform threads and (JDK 21+, through reflection) a virtual thread, so the hooked JDK
 * thread code runs; the test runs it with the JDK's own classes verified.
 */
public final class ThreadsUnderVerification {
    static int done;

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> done++);
            t.start();
            t.join();
        }
        int virtual = 0;
        try {
            Method start = Thread.class.getMethod("startVirtualThread", Runnable.class);
            Thread v = (Thread) start.invoke(null, (Runnable) () -> done++);
            v.join();
            virtual = 1;
        } catch (NoSuchMethodException beforeJdk21) {
            // no virtual threads on this JDK
        }
        System.out.println("threads " + done + " virtual " + virtual);
    }
}
