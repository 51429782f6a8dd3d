package dev.racedet.it.targets;

/**
 * Trap: a producer/consumer hand-off using the timed {@code wait(long)} in a condition loop.
 * The producer writes the plain {@code result} fields before entering the monitor to set
 * {@code done} and notify; the consumer waits (with a timeout, re-checking the condition) until
 * {@code done}, and reads the result after leaving the monitor. The producer's release and the
 * consumer's later acquire of the same monitor order the writes before the reads, whether the
 * consumer woke up by notification or by timeout.
 */
public class WaitTimeoutTrap {

    private final Object lock = new Object();
    private boolean done;
    private int resultCode;
    private String resultText;

    void produce() {
        resultCode = 200;
        resultText = "OK";
        synchronized (lock) {
            done = true;
            lock.notify();
        }
    }

    String consume() throws InterruptedException {
        synchronized (lock) {
            while (!done) {
                lock.wait(20);
            }
        }
        int code = resultCode;
        String text = resultText;
        return code + " " + text;
    }

    public static void main(String[] args) throws Exception {
        WaitTimeoutTrap exchange = new WaitTimeoutTrap();
        Object[] seen = new Object[1];

        Racers.race(
                Racers.unchecked(() -> seen[0] = exchange.consume()),
                exchange::produce);

        if (!"200 OK".equals(seen[0])) {
            throw new AssertionError("unexpected " + seen[0]);
        }
    }
}
