package dev.racedet.it.targets.jdkmonitors;

import dev.racedet.it.targets.Racers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.List;

/**
 * Race: iterating a {@code Collections.synchronizedList} without holding its monitor, which its
 * javadoc forbids. The writer's {@code add} runs under the monitor, but the iterator reads the
 * wrapped {@code ArrayList}'s fields ({@code size}, {@code modCount}, {@code elementData}) without
 * it: a race inside the JDK collection, reported at the application lines that called into it
 * (the {@code add} and the {@code for} loop). The iteration may also throw
 * {@code ConcurrentModificationException}, which is caught.
 */
public class SynchronizedListUnlockedIterationRace {
    public static void main(String[] args) throws Exception {
        List<Integer> list = Collections.synchronizedList(new ArrayList<>());
        int[] seen = new int[1];
        Racers.race(
                () -> list.add(1), // RACE
                () -> {
                    try {
                        for (Integer v : list) { // RACE
                            seen[0] += v;
                        }
                    } catch (ConcurrentModificationException tolerated) {
                        seen[0] = -1;
                    }
                });
    }
}
