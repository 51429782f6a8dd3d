package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Race: release/acquire through a {@code byteBufferViewVarHandle} at two different offsets of a
 * direct {@code ByteBuffer}. The consumer acquires the word at offset 0, which the producer released
 * before writing the data; the release at offset 8 that follows the data orders nothing for a
 * reader of offset 0 (a different memory location).
 */
public class ByteViewOtherOffsetRace {
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private int data;

    public static void main(String[] args) throws Exception {
        ByteViewOtherOffsetRace state = new ByteViewOtherOffsetRace();
        ByteBuffer words = ByteBuffer.allocateDirect(16);
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    INT.setRelease(words, 0, 1);
                    state.data = 8; // RACE
                    INT.setRelease(words, 8, 1);
                },
                () -> {
                    while ((int) INT.getAcquire(words, 0) == 0) {
                        Thread.onSpinWait();
                    }
                    seen[0] = state.data; // RACE
                });
    }
}
