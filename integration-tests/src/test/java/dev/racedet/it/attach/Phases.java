package dev.racedet.it.attach;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The protocol of the attach targets: {@link #reached} prints a word on standard output, then
 * {@link #await} waits for the test's next line on standard input (the test attaches or detaches in
 * between). Only the main thread prints and reads; racing threads never print (PrintStream is
 * synchronized, which would order them).
 */
final class Phases {
    private static final BufferedReader IN = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    private Phases() {
    }

    static void reached(String word) {
        System.out.println(word);
        System.out.flush();
    }

    /** Waits for the line {@code word}; any other line or the end of input is a failure. */
    static void await(String word) throws IOException {
        String line = IN.readLine();
        if (!word.equals(line)) {
            throw new IllegalStateException("expected '" + word + "' on stdin, got " + line);
        }
    }

    /**
     * Runs {@code body} in two threads started together and waits for both: each runs after a
     * start gate opened once both were started, so neither can finish before the other starts.
     */
    static void inTwoThreads(Runnable body) throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        Thread[] threads = new Thread[2];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    return;
                }
                body.run();
            }, "racer-" + i);
            threads[i].start();
        }
        gate.countDown();
        for (Thread t : threads) {
            t.join();
        }
    }
}
