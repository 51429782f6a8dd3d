package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Trap: {@code VarHandle} volatile modes on fields. {@code setVolatile} → {@code getVolatile}
 * publishes a configuration; {@code compareAndSet} on an owner word is a lock around a plain
 * counter (released with {@code setVolatile}); {@code getAndAdd} hands out tickets after which
 * each thread reads what the previous ticket holder wrote. All of these are volatile accesses.
 */
public class VarHandleVolatileAndCasTrap {
    private static final VarHandle CONFIG_READY;
    private static final VarHandle OWNER;
    private static final VarHandle TICKETS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CONFIG_READY = lookup.findVarHandle(VarHandleVolatileAndCasTrap.class, "configReady", boolean.class);
            OWNER = lookup.findVarHandle(VarHandleVolatileAndCasTrap.class, "owner", int.class);
            TICKETS = lookup.findVarHandle(VarHandleVolatileAndCasTrap.class, "tickets", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private boolean configReady;
    private int owner;
    private long tickets;
    private String config;
    private int counter;
    private int lastWriter;

    void locked(int me) {
        while (!OWNER.compareAndSet(this, 0, me)) {
            Thread.onSpinWait();
        }
        counter++;
        OWNER.setVolatile(this, 0);
    }

    public static void main(String[] args) throws Exception {
        VarHandleVolatileAndCasTrap state = new VarHandleVolatileAndCasTrap();
        int[] seen = new int[2];
        Racers.race(
                () -> {
                    state.config = "mode=fast";
                    CONFIG_READY.setVolatile(state, true);
                    for (int i = 0; i < 300; i++) {
                        state.locked(1);
                    }
                    while ((long) TICKETS.getVolatile(state) != 1) {
                        Thread.onSpinWait();
                    }
                    seen[1] = state.lastWriter;
                    TICKETS.getAndAdd(state, 1L);
                },
                () -> {
                    while (!(boolean) CONFIG_READY.getVolatile(state)) {
                        Thread.onSpinWait();
                    }
                    seen[0] = state.config.length();
                    for (int i = 0; i < 300; i++) {
                        state.locked(2);
                    }
                    state.lastWriter = 2;
                    TICKETS.getAndAdd(state, 1L);
                });
        if (seen[0] != 9 || seen[1] != 2 || state.counter != 600) {
            throw new AssertionError("volatile modes broken");
        }
    }
}
