package dev.racedet.it.targets.methodrefs;

import java.util.ArrayList;
import java.util.List;

/**
 * Trap: threads started and joined only through method references: {@code forEach(Thread::start)}
 * and a {@code join} reference wrapped for checked exceptions. Start orders main's writes before each
 * thread; join orders each thread before main's reads, wherever the call sits.
 */
public class JoinMethodRefTrap {
    interface Joiner {
        void join(Thread t) throws InterruptedException;
    }

    private final int[] parts = new int[3];
    private int base;

    public static void main(String[] args) throws Exception {
        JoinMethodRefTrap state = new JoinMethodRefTrap();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int slot = i;
            threads.add(new Thread(() -> state.parts[slot] = state.base + slot, "part-" + i));
        }
        state.base = 10;
        threads.forEach(Thread::start);
        Joiner joiner = Thread::join;
        for (Thread t : threads) {
            joiner.join(t);
        }
        if (state.parts[0] + state.parts[1] + state.parts[2] != 33) {
            throw new AssertionError("parts broken");
        }
    }
}
