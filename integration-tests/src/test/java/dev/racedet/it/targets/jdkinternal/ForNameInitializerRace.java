package dev.racedet.it.targets.jdkinternal;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Race: the writer initializes a class through {@code Class.forName}, and that class's static
 * initializer writes a shared field; the reader reads it after an opaque flag (no happens-before
 * edge). Loading is an internal scope of racedet's, but initialization must not be: the
 * initializer is the program's code, and its write must be checked.
 */
public class ForNameInitializerRace {
    private static final VarHandle FLAG;

    static {
        try {
            FLAG = MethodHandles.lookup().findVarHandle(ForNameInitializerRace.class, "flag", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static int shared;
    private int flag;

    /** Initialized by the writer through {@code Class.forName}. */
    static final class Initializer {
        static {
            shared = 3; // RACE
        }

        private Initializer() {
        }
    }

    public static void main(String[] args) throws Exception {
        ForNameInitializerRace state = new ForNameInitializerRace();
        int[] seen = new int[1];
        FLAG.setOpaque(new ForNameInitializerRace(), 0);
        seen[0] = (int) FLAG.getOpaque(state);
        Racers.race(
                Racers.unchecked(() -> {
                    Class.forName(ForNameInitializerRace.class.getName() + "$Initializer");
                    FLAG.setOpaque(state, 1);
                }),
                () -> {
                    while ((int) FLAG.getOpaque(state) == 0) {
                        Thread.onSpinWait();
                    }
                    seen[0] = shared; // RACE
                });
    }
}
