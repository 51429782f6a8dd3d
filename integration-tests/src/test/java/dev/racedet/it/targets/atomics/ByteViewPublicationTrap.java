package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Trap: publication through a view of bytes. {@code byteBufferViewVarHandle} gives {@code int}
 * access modes over direct {@code ByteBuffer}s (off-heap memory); a {@code setRelease} of a word
 * seen by a {@code getAcquire} of the same word orders the record's plain fields. Indexes are
 * multiples of 8 in buffers allocated 8-aligned, as the atomic modes require. (Since JDK 22,
 * {@code byteArrayViewVarHandle} and heap buffers support plain access only, so a {@code byte[]}
 * cannot carry this idiom on every JDK.)
 */
public class ByteViewPublicationTrap {
    private static final VarHandle BUFFER_INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private String name;
    private int size;

    public static void main(String[] args) throws Exception {
        ByteViewPublicationTrap record = new ByteViewPublicationTrap();
        ByteBuffer header = ByteBuffer.allocateDirect(16);
        ByteBuffer buffer = ByteBuffer.allocateDirect(16);
        int[] seen = new int[2];
        Racers.race(
                () -> {
                    record.name = "record";
                    BUFFER_INT.setRelease(header, 8, 6);
                    record.size = 64;
                    BUFFER_INT.setRelease(buffer, 8, 64);
                },
                () -> {
                    while ((int) BUFFER_INT.getAcquire(header, 8) == 0) {
                        Thread.onSpinWait();
                    }
                    seen[0] = record.name.length();
                    while ((int) BUFFER_INT.getAcquire(buffer, 8) == 0) {
                        Thread.onSpinWait();
                    }
                    seen[1] = record.size;
                });
        if (seen[0] != 6 || seen[1] != 64) {
            throw new AssertionError("views broken");
        }
    }
}
