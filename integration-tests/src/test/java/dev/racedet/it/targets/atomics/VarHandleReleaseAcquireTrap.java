package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Trap: {@code VarHandle.setRelease} → {@code getAcquire} on a field. An acquire read that sees a
 * release write synchronizes with it (release/acquire is the same edge as a volatile write/read for
 * this pair), so the data written before the release is visible after the acquire.
 */
public class VarHandleReleaseAcquireTrap {
    private static final VarHandle READY;

    static {
        try {
            READY = MethodHandles.lookup().findVarHandle(VarHandleReleaseAcquireTrap.class, "ready", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int ready;
    private long data;

    public static void main(String[] args) throws Exception {
        VarHandleReleaseAcquireTrap state = new VarHandleReleaseAcquireTrap();
        long[] seen = new long[1];
        Racers.race(
                () -> {
                    state.data = 123;
                    READY.setRelease(state, 1);
                },
                () -> {
                    while ((int) READY.getAcquire(state) == 0) {
                        Thread.onSpinWait();
                    }
                    seen[0] = state.data;
                });
        if (seen[0] != 123) {
            throw new AssertionError("release/acquire broken");
        }
    }
}
