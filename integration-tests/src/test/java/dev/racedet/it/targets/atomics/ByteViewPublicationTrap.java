package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Trap: publication through views of bytes. {@code byteArrayViewVarHandle} and
 * {@code byteBufferViewVarHandle} give {@code int} access modes over a {@code byte[]} and a heap
 * {@code ByteBuffer}; a {@code setRelease} of the length word seen by a {@code getAcquire} of the
 * same word orders the record's plain fields. Indexes are multiples of 8, so the accesses are
 * aligned as the atomic modes require.
 */
public class ByteViewPublicationTrap {
    private static final VarHandle ARRAY_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle BUFFER_INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private String name;
    private int size;

    public static void main(String[] args) throws Exception {
        ByteViewPublicationTrap record = new ByteViewPublicationTrap();
        byte[] header = new byte[16];
        ByteBuffer buffer = ByteBuffer.allocate(16);
        int[] seen = new int[2];
        Racers.race(
                () -> {
                    record.name = "record";
                    ARRAY_INT.setRelease(header, 8, 6);
                    record.size = 64;
                    BUFFER_INT.setRelease(buffer, 8, 64);
                },
                () -> {
                    while ((int) ARRAY_INT.getAcquire(header, 8) == 0) {
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
