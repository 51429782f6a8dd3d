package dev.racedet.it.targets;

/**
 * Trap: three racers read and update shared fields, always inside {@code synchronized} on the same
 * lock object. Every critical section is ordered with every other one (release, then acquire of
 * the same monitor), so nothing may be reported.
 */
public class SameLockTrap {

    private final Object lock = new Object();
    private int count;
    private long sum;
    private String lastWriter = "none";

    void add(int value, String who) {
        synchronized (lock) {
            count++;
            sum += value;
            lastWriter = who;
        }
    }

    long average() {
        synchronized (lock) {
            return count == 0 ? 0 : sum / count;
        }
    }

    public static void main(String[] args) throws Exception {
        SameLockTrap stats = new SameLockTrap();
        long[] seen = new long[1];

        Racers.race(
                () -> {
                    for (int i = 0; i < 500; i++) {
                        stats.add(i, "first");
                    }
                },
                () -> {
                    for (int i = 0; i < 500; i++) {
                        stats.add(i, "second");
                    }
                },
                () -> {
                    for (int i = 0; i < 500; i++) {
                        seen[0] = stats.average();
                    }
                });

        if (stats.count != 1000 || stats.lastWriter.equals("none")) {
            throw new AssertionError("lost update");
        }
    }
}
