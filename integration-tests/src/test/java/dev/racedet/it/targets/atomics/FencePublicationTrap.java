package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Trap: publication with fences, the idiom of hand-written lock-free code. The producer writes the
 * data, issues {@code VarHandle.releaseFence()}, then sets an opaque flag; the consumer polls the
 * opaque flag, issues {@code VarHandle.acquireFence()}, then reads the data. The fences order the
 * data accesses around the flag (release fence + later store, load + later acquire fence), so the
 * program is correctly synchronized. A fence has no address, so racedet models fences by
 * over-synchronizing, which keeps this program silent.
 */
public class FencePublicationTrap {
    private static final VarHandle FLAG;

    static {
        try {
            FLAG = MethodHandles.lookup().findVarHandle(FencePublicationTrap.class, "flag", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int flag;
    private long data;

    public static void main(String[] args) throws Exception {
        FencePublicationTrap state = new FencePublicationTrap();
        long[] seen = new long[1];
        Racers.race(
                () -> {
                    state.data = 77;
                    VarHandle.releaseFence();
                    FLAG.setOpaque(state, 1);
                },
                () -> {
                    while ((int) FLAG.getOpaque(state) == 0) {
                        Thread.onSpinWait();
                    }
                    VarHandle.acquireFence();
                    seen[0] = state.data;
                });
        if (seen[0] != 77) {
            throw new AssertionError("fences broken");
        }
    }
}
