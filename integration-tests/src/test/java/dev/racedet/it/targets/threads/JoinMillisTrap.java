package dev.racedet.it.targets.threads;

/**
 * Trap: {@code join(millis)} in a loop until the thread is dead. A timed join that returns before
 * termination gives no edge, so the loop checks {@code isAlive()}; once the thread is seen
 * terminated (by the join or by {@code isAlive()} returning false), everything it did happens-before
 * main's next actions (JLS 17.4.4: termination is detected by join or isAlive).
 */
public class JoinMillisTrap {
    private long result;

    public static void main(String[] args) throws Exception {
        JoinMillisTrap state = new JoinMillisTrap();
        Thread worker = new Thread(() -> {
            long r = 0;
            for (int i = 0; i < 100_000; i++) {
                r += i % 7;
            }
            state.result = r;
        }, "worker");
        worker.start();
        do {
            worker.join(50);
        } while (worker.isAlive());
        if (state.result != 299995) {
            throw new AssertionError("result " + state.result);
        }
    }
}
