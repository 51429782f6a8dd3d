package dev.racedet.it.targets.threads;

/**
 * Trap: main spins until {@code isAlive()} returns false and then reads the thread's result.
 * JLS 17.4.4: the final action of a thread synchronizes-with any action of another thread that
 * detects its termination, by {@code join()} or by {@code isAlive()} returning false.
 */
public class IsAliveFalseTrap {
    private int answer;

    public static void main(String[] args) throws Exception {
        IsAliveFalseTrap state = new IsAliveFalseTrap();
        Thread worker = new Thread(() -> state.answer = 42, "worker");
        worker.start();
        while (worker.isAlive()) {
            Thread.onSpinWait();
        }
        if (state.answer != 42) {
            throw new AssertionError("isAlive broken");
        }
    }
}
