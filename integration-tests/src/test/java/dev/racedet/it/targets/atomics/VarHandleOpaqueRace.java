package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Race: a flag written with {@code setOpaque} and polled with {@code getOpaque}. Opaque accesses
 * are coherent and eventually visible, but they impose no ordering on other variables: no
 * happens-before edge, so the data written before the opaque store races with the read after the
 * opaque load. (The opaque accesses to the flag themselves are not a data race.)
 */
public class VarHandleOpaqueRace {
    private static final VarHandle FLAG;

    static {
        try {
            FLAG = MethodHandles.lookup().findVarHandle(VarHandleOpaqueRace.class, "flag", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int flag;
    private int data;

    public static void main(String[] args) throws Exception {
        VarHandleOpaqueRace state = new VarHandleOpaqueRace();
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    state.data = 11; // RACE
                    FLAG.setOpaque(state, 1);
                },
                () -> {
                    while ((int) FLAG.getOpaque(state) == 0) {
                        Thread.onSpinWait();
                    }
                    seen[0] = state.data; // RACE
                });
    }
}
