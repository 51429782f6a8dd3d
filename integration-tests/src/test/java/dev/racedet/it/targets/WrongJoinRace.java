package dev.racedet.it.targets;

/**
 * Joining the wrong thread. Main starts a {@code helper} thread (which computes {@code warmup})
 * before the race. The reader racer joins {@code helper}, which correctly orders {@code warmup},
 * and then also reads {@code result}, which is written by the other racer, not by the helper.
 * That read is unordered with the writer racer's store.
 */
public class WrongJoinRace {

    private int warmup;
    private int result;

    public static void main(String[] args) throws Exception {
        WrongJoinRace job = new WrongJoinRace();
        Thread helper = new Thread(() -> job.warmup = 5, "helper");
        helper.start();
        int[] seen = new int[2];

        Racers.race(
                () -> job.result = 42, // RACE
                Racers.unchecked(() -> {
                    helper.join();
                    seen[0] = job.warmup; // ordered by the join
                    seen[1] = job.result; // RACE
                }));

        if (job.result != 42 || seen[0] != 5) { // after join: ordered
            throw new AssertionError("unexpected values");
        }
    }
}
