package dev.racedet.it.targets;

/**
 * A wait/notify handshake whose payload is written on the wrong side of the monitor. The producer
 * sets {@code ready} and notifies inside the monitor (correct), but stores {@code payload} only
 * after leaving it. The consumer waits for {@code ready} in a proper condition loop and then reads
 * {@code payload} after leaving the monitor. The handshake orders everything before the producer's
 * release, not the late store, so the store and the read race. {@code ready} itself is always
 * accessed under the monitor and is not reported.
 */
public class WaitNotifyMisuseRace {

    private final Object lock = new Object();
    private boolean ready;
    private String payload = "empty";

    void produce() {
        synchronized (lock) {
            ready = true;
            lock.notifyAll();
        }
        payload = "full"; // RACE
    }

    String consume() throws InterruptedException {
        synchronized (lock) {
            while (!ready) {
                lock.wait();
            }
        }
        return payload; // RACE
    }

    public static void main(String[] args) throws Exception {
        WaitNotifyMisuseRace mailbox = new WaitNotifyMisuseRace();
        Object[] seen = new Object[1];

        Racers.race(
                mailbox::produce,
                Racers.unchecked(() -> seen[0] = mailbox.consume()));

        if (!"full".equals(mailbox.payload)) { // after join: ordered
            throw new AssertionError("lost write");
        }
    }
}
