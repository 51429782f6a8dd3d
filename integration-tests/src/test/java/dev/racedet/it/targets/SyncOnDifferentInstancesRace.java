package dev.racedet.it.targets;

/**
 * Each racer owns its own {@code Shard} and calls a synchronized method on it. The method updates
 * the shard's own field (protected, and confined anyway) and also a static total shared by every
 * shard. The two racers lock different objects, so the static total races while the per-shard
 * field does not.
 */
public class SyncOnDifferentInstancesRace {

    static int total;

    static final class Shard {
        int local;

        synchronized void add(int n) {
            local += n;
            total += n; // RACE
        }
    }

    public static void main(String[] args) throws Exception {
        Shard first = new Shard();
        Shard second = new Shard();

        Racers.race(
                () -> {
                    for (int i = 0; i < 100; i++) {
                        first.add(1);
                    }
                },
                () -> {
                    for (int i = 0; i < 100; i++) {
                        second.add(1);
                    }
                });

        if (first.local != 100 || second.local != 100 || total > 200) { // after join: ordered
            throw new AssertionError("bad totals");
        }
    }
}
