package dev.racedet.it.targets.plainaccess;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Race: plain {@code VarHandle.set} and {@code VarHandle.get} of one field from two threads with no
 * synchronization. Plain mode has the semantics of an ordinary field access, so these two accesses
 * race exactly as {@code state.level = 4} and {@code state.level} would.
 */
public class VarHandlePlainFieldRace {
    private static final VarHandle LEVEL;

    static {
        try {
            LEVEL = MethodHandles.lookup().findVarHandle(VarHandlePlainFieldRace.class, "level", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int level;

    public static void main(String[] args) throws Exception {
        VarHandlePlainFieldRace state = new VarHandlePlainFieldRace();
        int[] seen = new int[1];
        Racers.race(
                () -> LEVEL.set(state, 4), // RACE
                () -> seen[0] = (int) LEVEL.get(state)); // RACE
    }
}
