package dev.racedet.it.targets.threads;

// REQUIRES-JDK: 21

import java.util.ArrayList;
import java.util.List;

/**
 * Trap: virtual threads started with {@code Thread.ofVirtual().start} (JDK 21, through method
 * handles). Start and join of a virtual thread are the same edges as for a platform thread (JLS
 * 17.4.4 speaks of threads); each virtual thread writes only its own cell.
 */
public class VirtualThreadStartJoinTrap {
    static final class Cell {
        int input;
        int output;
    }

    public static void main(String[] args) throws Exception {
        List<Cell> cells = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Cell c = new Cell();
            c.input = i;
            cells.add(c);
            threads.add(NewThreadApis.startVirtual("virtual-" + i, () -> c.output = c.input + 1));
        }
        for (Thread t : threads) {
            t.join();
        }
        int sum = 0;
        for (Cell c : cells) {
            sum += c.output;
        }
        if (sum != 1275) {
            throw new AssertionError("sum " + sum);
        }
    }
}
