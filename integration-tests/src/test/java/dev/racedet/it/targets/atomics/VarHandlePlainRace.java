package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Race: plain {@code VarHandle.set} and {@code VarHandle.get} of one field from two threads with
 * no synchronization. Plain mode has the semantics of an ordinary field access, so these two
 * accesses are a data race exactly as {@code this.level = 4} and {@code this.level} would be.
 */
public class VarHandlePlainRace {
    private static final VarHandle LEVEL;

    static {
        try {
            LEVEL = MethodHandles.lookup().findVarHandle(VarHandlePlainRace.class, "level", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int level;

    public static void main(String[] args) throws Exception {
        VarHandlePlainRace state = new VarHandlePlainRace();
        int[] seen = new int[1];
        Racers.race(
                () -> LEVEL.set(state, 4), // RACE
                () -> seen[0] = (int) LEVEL.get(state)); // RACE
    }
}
