package dev.racedet.it.targets.jdkinternal;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Race: both racers load a class of their own through the application class loader, the first
 * after its write, the second before its read, and an opaque flag (no happens-before edge) makes the
 * second wait for the first. Class loading goes through the loader's shared lock map (a
 * {@code ConcurrentHashMap}); a detector that modeled it would order the second racer after the
 * first and miss the race. racedet runs {@code loadClass} as an internal scope.
 */
public class ClassLoadingRace {
    private static final VarHandle FLAG;

    static {
        try {
            FLAG = MethodHandles.lookup().findVarHandle(ClassLoadingRace.class, "flag", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int flag;
    private int data;

    /** Loaded first by the writer. */
    static final class LoadedByWriter {
        int value = 1;
    }

    /** Loaded first by the reader. */
    static final class LoadedByReader {
        int value = 2;
    }

    public static void main(String[] args) throws Exception {
        ClassLoadingRace state = new ClassLoadingRace();
        int[] seen = new int[3];
        // Link the opaque accesses here, so the racers link nothing but load their classes.
        FLAG.setOpaque(new ClassLoadingRace(), 0);
        seen[2] = (int) FLAG.getOpaque(state);
        Racers.race(
                () -> {
                    state.data = 5; // RACE
                    seen[0] = new LoadedByWriter().value;
                    FLAG.setOpaque(state, 1);
                },
                () -> {
                    while ((int) FLAG.getOpaque(state) == 0) {
                        Thread.onSpinWait();
                    }
                    seen[1] = new LoadedByReader().value;
                    seen[2] = state.data; // RACE
                });
    }
}
