package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.Exchanger;

/**
 * Race: one side keeps writing its buffer after handing it over. The exchange orders only the
 * writes made before it; the receiver's read is unordered with the later write.
 */
public class ExchangerWriteAfterExchangeRace {
    static final class Buffer {
        int value;
        int trailer;
    }

    public static void main(String[] args) throws Exception {
        Exchanger<Buffer> exchanger = new Exchanger<>();
        int[] seen = new int[2];
        Racers.race(
                Racers.unchecked(() -> {
                    Buffer mine = new Buffer();
                    mine.value = 1;
                    exchanger.exchange(mine);
                    mine.trailer = 9; // RACE
                }),
                Racers.unchecked(() -> {
                    Buffer theirs = exchanger.exchange(new Buffer());
                    seen[0] = theirs.value;
                    seen[1] = theirs.trailer; // RACE
                }));
        if (seen[0] != 1) {
            throw new AssertionError("exchange broken");
        }
    }
}
