package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.CompletableFuture;

/**
 * Trap: {@code CompletableFuture.complete} → {@code get}/{@code join}. Completing a future
 * happens-before the return of {@code get}/{@code join} that observes its value (the result is
 * published with a CAS and waiters are released after it).
 */
public class CompletableFutureCompleteTrap {
    static final class Reply {
        int status;
        String body;
    }

    public static void main(String[] args) throws Exception {
        CompletableFuture<Reply> first = new CompletableFuture<>();
        CompletableFuture<Reply> second = new CompletableFuture<>();
        int[] seen = new int[2];
        Racers.race(
                () -> {
                    Reply r = new Reply();
                    r.status = 200;
                    r.body = "ok";
                    first.complete(r);
                    Reply s = new Reply();
                    s.status = 404;
                    s.body = "none";
                    second.complete(s);
                },
                Racers.unchecked(() -> {
                    Reply r = first.get();
                    seen[0] = r.status + r.body.length();
                }),
                () -> {
                    Reply s = second.join();
                    seen[1] = s.status + s.body.length();
                });
        if (seen[0] != 202 || seen[1] != 408) {
            throw new AssertionError("future broken");
        }
    }
}
