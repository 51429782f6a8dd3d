package dev.racedet.it.targets;

/**
 * Trap: ping-pong with {@code wait()/notifyAll()} guarded by a condition loop. Each player waits
 * inside the monitor until {@code turn} names it, leaves the monitor, updates the plain
 * {@code rally} counter <em>outside</em> the monitor, then re-enters it to pass the turn and
 * notify. The update is after an acquire that observed the other player's hand-over and before
 * this player's own hand-over release, so all updates form one ordered chain.
 */
public class WaitNotifyHandshakeTrap {

    private final Object lock = new Object();
    private int turn;
    private int rally;

    void play(int me, int rounds) throws InterruptedException {
        for (int i = 0; i < rounds; i++) {
            synchronized (lock) {
                while (turn != me) {
                    lock.wait();
                }
            }
            rally++;
            synchronized (lock) {
                turn = 1 - me;
                lock.notifyAll();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        WaitNotifyHandshakeTrap table = new WaitNotifyHandshakeTrap();

        Racers.race(
                Racers.unchecked(() -> table.play(0, 100)),
                Racers.unchecked(() -> table.play(1, 100)));

        if (table.rally != 200) {
            throw new AssertionError("lost update");
        }
    }
}
