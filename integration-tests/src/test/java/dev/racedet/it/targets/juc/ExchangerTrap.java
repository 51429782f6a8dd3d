package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.Exchanger;

/**
 * Trap: for each pair of threads that exchange, actions before {@code exchange()} in each thread
 * happen-before those after the return from the corresponding {@code exchange()} in the other.
 * Each side fills a buffer, swaps it, and reads the other side's buffer.
 */
public class ExchangerTrap {
    static final class Buffer {
        int value;
    }

    public static void main(String[] args) throws Exception {
        Exchanger<Buffer> exchanger = new Exchanger<>();
        int[] seen = new int[2];
        Racers.race(
                Racers.unchecked(() -> {
                    Buffer mine = new Buffer();
                    mine.value = 1;
                    seen[0] = exchanger.exchange(mine).value;
                }),
                Racers.unchecked(() -> {
                    Buffer mine = new Buffer();
                    mine.value = 2;
                    seen[1] = exchanger.exchange(mine).value;
                }));
        if (seen[0] != 2 || seen[1] != 1) {
            throw new AssertionError("exchange broken");
        }
    }
}
