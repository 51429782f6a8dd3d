package dev.racedet.it.targets.plainaccess;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Race: an ordinary store {@code names[1] = ...} in one thread and a plain {@code VarHandle.get} of
 * the same element in another, no synchronization: one element, two ways of reaching it.
 */
public class VarHandlePlainElementMixedRace {
    private static final VarHandle NAME = MethodHandles.arrayElementVarHandle(String[].class);

    public static void main(String[] args) throws Exception {
        String[] names = new String[3];
        Object[] seen = new Object[1];
        Racers.race(
                () -> names[1] = "b", // RACE
                () -> seen[0] = NAME.get(names, 1)); // RACE
    }
}
