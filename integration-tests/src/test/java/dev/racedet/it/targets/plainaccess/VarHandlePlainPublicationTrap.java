package dev.racedet.it.targets.plainaccess;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Trap: data written with plain {@code VarHandle.set} (a field and an array element), then
 * published by {@code setRelease} of a flag; the reader waits for the flag with
 * {@code getAcquire} and reads the data with plain {@code VarHandle.get} and with ordinary reads.
 * Release/acquire orders the plain accesses: no race.
 */
public class VarHandlePlainPublicationTrap {
    private static final VarHandle DATA;
    private static final VarHandle READY;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            DATA = lookup.findVarHandle(VarHandlePlainPublicationTrap.class, "data", int.class);
            READY = lookup.findVarHandle(VarHandlePlainPublicationTrap.class, "ready", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int data;
    private boolean ready;

    public static void main(String[] args) throws Exception {
        VarHandlePlainPublicationTrap state = new VarHandlePlainPublicationTrap();
        Object[] slots = new Object[2];
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    DATA.set(state, 42);
                    SLOT.set(slots, 1, "payload");
                    READY.setRelease(state, true);
                },
                () -> {
                    while (!(boolean) READY.getAcquire(state)) {
                        Thread.onSpinWait();
                    }
                    seen[0] = (int) DATA.get(state) + state.data;
                    Object payload = SLOT.get(slots, 1);
                    if (payload != slots[1]) {
                        throw new AssertionError();
                    }
                });
        if (seen[0] != 84) {
            throw new AssertionError("seen " + seen[0]);
        }
    }
}
