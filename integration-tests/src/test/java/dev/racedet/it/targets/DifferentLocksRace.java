package dev.racedet.it.targets;

/**
 * Two racers each "protect" the same counter, but with different lock objects. Each racer only
 * ever takes its own lock, so no release of one is followed by an acquire of the same monitor by
 * the other: the increments stay unordered and race.
 */
public class DifferentLocksRace {

    private final Object lockA = new Object();
    private final Object lockB = new Object();
    private int balance;

    void depositUnderA(int amount) {
        synchronized (lockA) {
            balance += amount; // RACE
        }
    }

    void depositUnderB(int amount) {
        synchronized (lockB) {
            balance += amount; // RACE
        }
    }

    public static void main(String[] args) throws Exception {
        DifferentLocksRace account = new DifferentLocksRace();

        Racers.race(
                () -> {
                    for (int i = 0; i < 100; i++) {
                        account.depositUnderA(1);
                    }
                },
                () -> {
                    for (int i = 0; i < 100; i++) {
                        account.depositUnderB(1);
                    }
                });

        if (account.balance > 200) { // after join: ordered
            throw new AssertionError("impossible balance");
        }
    }
}
