package dev.racedet.it.targets.jdkmonitors;

import dev.racedet.it.targets.Racers;

/**
 * Race: the writer appends to a {@code StringBuffer} (a monitor release inside the JDK) and only
 * then writes the field; the reader, ordered after the append, reads the field. Nothing orders the
 * later write.
 */
public class StringBufferWriteAfterAppendRace {
    private int code;

    public static void main(String[] args) throws Exception {
        StringBufferWriteAfterAppendRace state = new StringBufferWriteAfterAppendRace();
        StringBuffer log = new StringBuffer();
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    log.append("ready");
                    state.code = 7; // RACE
                },
                () -> {
                    while (log.length() == 0) {
                        Thread.onSpinWait();
                    }
                    seen[0] = state.code; // RACE
                });
    }
}
