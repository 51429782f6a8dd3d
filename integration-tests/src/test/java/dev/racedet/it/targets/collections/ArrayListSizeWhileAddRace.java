package dev.racedet.it.targets.collections;

import dev.racedet.it.targets.Racers;
import java.util.ArrayList;
import java.util.List;

/**
 * Race: one thread adds to an {@code ArrayList} while another asks its {@code size()}: a read of the
 * {@code size} field that {@code add} writes, with no synchronization. Reported at the two
 * application lines.
 */
public class ArrayListSizeWhileAddRace {
    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        int[] seen = new int[1];
        Racers.race(
                () -> names.add("x"), // RACE
                () -> seen[0] = names.size()); // RACE
    }
}
