package dev.racedet.it.targets.plainaccess;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Race: a plain {@code VarHandle.set} of a field in one thread and an ordinary read of the same
 * field ({@code getfield}) in another, no synchronization. Both are plain accesses of one memory
 * location, so they race whichever way each is written; the ordinary access of another field is
 * left alone.
 */
public class VarHandlePlainMixedRace {
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(VarHandlePlainMixedRace.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int count;
    private int other;

    public static void main(String[] args) throws Exception {
        VarHandlePlainMixedRace state = new VarHandlePlainMixedRace();
        int[] seen = new int[1];
        Racers.race(
                () -> COUNT.set(state, 5), // RACE
                () -> {
                    state.other = 1;
                    seen[0] = state.count; // RACE
                });
    }
}
