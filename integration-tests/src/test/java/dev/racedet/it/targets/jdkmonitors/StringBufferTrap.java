package dev.racedet.it.targets.jdkmonitors;

import dev.racedet.it.targets.Racers;

/**
 * Trap: a {@code StringBuffer} (synchronized methods inside the JDK) is the only synchronization.
 * The writer sets a field and then appends; the reader waits until {@code length()} (also
 * synchronized on the buffer) shows the append, then reads the field: monitor release →
 * acquire on the same buffer orders them.
 */
public class StringBufferTrap {
    private int code;

    public static void main(String[] args) throws Exception {
        StringBufferTrap state = new StringBufferTrap();
        StringBuffer log = new StringBuffer();
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    state.code = 7;
                    log.append("ready");
                },
                () -> {
                    while (log.length() == 0) {
                        Thread.onSpinWait();
                    }
                    seen[0] = state.code;
                });
        if (seen[0] != 7 || !log.toString().equals("ready")) {
            throw new AssertionError("buffer broken");
        }
    }
}
