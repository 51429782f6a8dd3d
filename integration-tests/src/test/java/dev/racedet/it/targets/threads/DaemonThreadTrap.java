package dev.racedet.it.targets.threads;

import java.util.concurrent.SynchronousQueue;

/**
 * Trap: a daemon worker that serves requests for the life of the JVM and is never joined.
 * Requests and replies travel through {@code SynchronousQueue}s (insertion happens-before removal),
 * and the worker is still blocked in {@code take()} when the JVM exits.
 */
public class DaemonThreadTrap {
    static final class Request {
        int a;
        int b;
        int sum;
    }

    public static void main(String[] args) throws Exception {
        SynchronousQueue<Request> requests = new SynchronousQueue<>();
        SynchronousQueue<Request> replies = new SynchronousQueue<>();
        Thread server = new Thread(() -> {
            try {
                while (true) {
                    Request r = requests.take();
                    r.sum = r.a + r.b;
                    replies.put(r);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "daemon-server");
        server.setDaemon(true);
        server.start();
        for (int i = 0; i < 10; i++) {
            Request r = new Request();
            r.a = i;
            r.b = 1;
            requests.put(r);
            if (replies.take().sum != i + 1) {
                throw new AssertionError("wrong reply");
            }
        }
    }
}
