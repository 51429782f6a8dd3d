package dev.racedet.it.targets.jdkinternal;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.IntSupplier;

/**
 * Race: each racer links call sites of its own (a lambda, a string concatenation, a
 * {@code VarHandle} access mode of a type the flag does not have), the first after its write, the second before its read, and an
 * opaque flag (no happens-before edge) makes the second wait for the first. Linking goes through the
 * JDK's global {@code MethodType} intern table and its lambda form caches; a detector that modeled
 * them would order the second racer after the first and miss the race. racedet runs linkage as an
 * internal scope.
 */
public class CallSiteLinkingRace {
    private static final VarHandle FLAG;
    private static final VarHandle COUNT;

    static {
        try {
            FLAG = MethodHandles.lookup().findVarHandle(CallSiteLinkingRace.class, "flag", int.class);
            COUNT = MethodHandles.lookup().findVarHandle(CallSiteLinkingRace.class, "count", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int flag;
    private long count;
    private int data;

    public static void main(String[] args) throws Exception {
        CallSiteLinkingRace state = new CallSiteLinkingRace();
        Object[] seen = new Object[4];
        // Link the opaque accesses here, so the racers link only their own call sites.
        FLAG.setOpaque(new CallSiteLinkingRace(), 0);
        seen[3] = (int) FLAG.getOpaque(state);
        Racers.race(
                () -> {
                    state.data = 7; // RACE
                    IntSupplier first = () -> 1;
                    seen[0] = "writer " + first.getAsInt() + state.flag;
                    COUNT.setOpaque(state, 1L);
                    FLAG.setOpaque(state, 1);
                },
                () -> {
                    while ((int) FLAG.getOpaque(state) == 0) {
                        Thread.onSpinWait();
                    }
                    IntSupplier second = () -> 2;
                    seen[1] = second.getAsInt() + " reader " + (long) COUNT.getOpaque(state);
                    seen[2] = state.data; // RACE
                });
    }
}
