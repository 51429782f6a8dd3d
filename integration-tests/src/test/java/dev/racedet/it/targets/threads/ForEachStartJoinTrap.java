package dev.racedet.it.targets.threads;

import java.util.ArrayList;
import java.util.List;

/**
 * Trap: threads started with a method reference, {@code threads.forEach(Thread::start)}. The call to
 * {@code Thread.start} then sits in a class generated at run time, not in application code, yet
 * {@code start} still orders main's writes before each thread (JLS 17.4.4), and {@code join} orders
 * each thread before main's reads. Each thread writes only its own cell.
 */
public class ForEachStartJoinTrap {
    static final class Cell {
        int input;
        int output;
    }

    public static void main(String[] args) throws Exception {
        List<Cell> cells = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Cell c = new Cell();
            cells.add(c);
            threads.add(new Thread(() -> c.output = c.input * 3, "worker-" + i));
        }
        for (int i = 0; i < 4; i++) {
            cells.get(i).input = i + 1;
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        int sum = 0;
        for (Cell c : cells) {
            sum += c.output;
        }
        if (sum != 30) {
            throw new AssertionError("sum " + sum);
        }
    }
}
