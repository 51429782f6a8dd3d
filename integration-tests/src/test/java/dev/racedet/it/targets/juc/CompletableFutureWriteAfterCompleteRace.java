package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.CompletableFuture;

/**
 * Race: the producer completes the future and only then sets a field of the result. {@code join}
 * orders the consumer after the completion, not after the later write.
 */
public class CompletableFutureWriteAfterCompleteRace {
    static final class Reply {
        int status;
        long elapsed;
    }

    public static void main(String[] args) throws Exception {
        CompletableFuture<Reply> future = new CompletableFuture<>();
        long[] seen = new long[2];
        Racers.race(
                () -> {
                    Reply r = new Reply();
                    r.status = 200;
                    future.complete(r);
                    r.elapsed = 5; // RACE
                },
                () -> {
                    Reply r = future.join();
                    seen[0] = r.status;
                    seen[1] = r.elapsed; // RACE
                });
        if (seen[0] != 200) {
            throw new AssertionError("future broken");
        }
    }
}
