package com.acme.opt;

import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;

/**
 * Two racers use a {@link Feature} while the optional library is absent, and a {@link Plugin} whose
 * superclass the program defines from bytes first. The racers are released together by a start
 * gate after both started, so only their own synchronization orders them.
 */
public final class Main {
    private static final int ROUNDS = 5_000;

    public static void main(String[] args) throws Exception {
        System.out.println("optional library present: " + present("com.ext.Handle"));
        defineGeneratedBase();
        Feature feature = new Feature();
        Plugin plugin = new Plugin();
        CountDownLatch gate = new CountDownLatch(1);
        Runnable work = () -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            for (int i = 0; i < ROUNDS; i++) {
                feature.use();
            }
            for (int i = 0; i < ROUNDS; i++) {
                plugin.call();
            }
            for (int i = 0; i < ROUNDS; i++) {
                feature.useSafely();
            }
        };
        Thread one = new Thread(work, "racer-1");
        Thread two = new Thread(work, "racer-2");
        one.start();
        two.start();
        gate.countDown();
        one.join();
        two.join();
        System.out.println("safe uses " + feature.safeUses());
    }

    private static void defineGeneratedBase() throws Exception {
        try (InputStream in = Main.class.getResourceAsStream("GeneratedBase.bin")) {
            MethodHandles.lookup().defineClass(in.readAllBytes());
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Main.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
