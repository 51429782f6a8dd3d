package dev.racedet.it.targets;

/**
 * Trap: ordering through the timed {@code Thread.join(millis)}. A timed join only creates an edge
 * if the thread has actually terminated, so the racers loop until {@code isAlive()} is false. Two
 * producer threads started by main each write their own field; one racer joins both and sums them,
 * the other joins only the first and reads its field.
 */
public class JoinTimeoutTrap {

    private int left;
    private int right;

    static void awaitTermination(Thread t) throws InterruptedException {
        do {
            t.join(1_000);
        } while (t.isAlive());
    }

    public static void main(String[] args) throws Exception {
        JoinTimeoutTrap parts = new JoinTimeoutTrap();
        Thread leftProducer = new Thread(() -> parts.left = 4, "left");
        Thread rightProducer = new Thread(() -> parts.right = 6, "right");
        leftProducer.start();
        rightProducer.start();
        int[] seen = new int[2];

        Racers.race(
                Racers.unchecked(() -> {
                    awaitTermination(leftProducer);
                    awaitTermination(rightProducer);
                    seen[0] = parts.left + parts.right;
                }),
                Racers.unchecked(() -> {
                    awaitTermination(leftProducer);
                    seen[1] = parts.left;
                }));

        if (seen[0] != 10 || seen[1] != 4) {
            throw new AssertionError("unexpected " + seen[0] + ", " + seen[1]);
        }
    }
}
