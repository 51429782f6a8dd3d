package dev.racedet.it.targets;

import java.util.ArrayList;
import java.util.List;

/**
 * Race on a reference field: one racer swaps in a new list, the other loads the reference. Neither
 * racer touches the lists themselves; the race is on the {@code current} field only. Main's store
 * before start and its load after join are ordered with both racers.
 */
public class ReferenceFieldRace {

    static final class Holder {
        List<String> current;
    }

    public static void main(String[] args) throws Exception {
        Holder holder = new Holder();
        List<String> initial = new ArrayList<>();
        initial.add("a");
        holder.current = initial; // before start: ordered
        List<String> replacement = new ArrayList<>();
        Object[] seen = new Object[1];

        Racers.race(
                () -> holder.current = replacement, // RACE
                () -> seen[0] = holder.current); // RACE

        if (holder.current != replacement) { // after join: ordered
            throw new AssertionError("lost write");
        }
    }
}
