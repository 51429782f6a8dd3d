package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Race: a reference stored with a plain {@code VarHandle.set} and read with {@code getAcquire}. A
 * plain store has no release semantics, so the data written before it races with the read after
 * the acquire. racedet publishes a plain reference store at the writer's next release (the JDK's
 * "relaxed write before publication" idiom); here the writer does no release before the reader has
 * read the data (it waits on an opaque flag), so the race is reported.
 */
public class VarHandlePlainSetRace {
    private static final VarHandle BOX;
    private static final VarHandle DONE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            BOX = lookup.findVarHandle(VarHandlePlainSetRace.class, "box", Object.class);
            DONE = lookup.findVarHandle(VarHandlePlainSetRace.class, "done", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Object box;
    private int done;
    private int data;

    public static void main(String[] args) throws Exception {
        VarHandlePlainSetRace state = new VarHandlePlainSetRace();
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    state.data = 11; // RACE
                    BOX.set(state, "ready");
                    while ((int) DONE.getOpaque(state) == 0) {
                        Thread.onSpinWait();
                    }
                },
                () -> {
                    while (BOX.getAcquire(state) == null) {
                        Thread.onSpinWait();
                    }
                    seen[0] = state.data; // RACE
                    DONE.setOpaque(state, 1);
                });
    }
}
