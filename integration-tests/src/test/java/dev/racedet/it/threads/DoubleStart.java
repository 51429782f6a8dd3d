package dev.racedet.it.threads;

import dev.racedet.it.targets.Racers;

/**
 * Two threads race to start the same thread; the JDK lets exactly one succeed and throws
 * {@code IllegalThreadStateException} at the other. Each writes its own field of a fresh {@link Box}
 * before its attempt, and the started thread reads both: the winner's write happens-before the
 * thread, the loser's does not. Repeated for several rounds; prints how often each racer lost, which
 * is how often its field must be reported.
 */
public final class DoubleStart {
    private static final int ROUNDS = 20;

    static final class Box {
        int fromFirst;
        int fromSecond;
        int seen;
    }

    private DoubleStart() {
    }

    public static void main(String[] args) throws Exception {
        int[] losses = new int[2];
        for (int round = 0; round < ROUNDS; round++) {
            Box box = new Box();
            Thread child = new Thread(() -> box.seen = box.fromFirst + box.fromSecond, "child");
            boolean[] lost = new boolean[2];
            Racers.race(
                    () -> {
                        box.fromFirst = 1;
                        lost[0] = !start(child);
                    },
                    () -> {
                        box.fromSecond = 2;
                        lost[1] = !start(child);
                    });
            child.join();
            if (lost[0] == lost[1] || box.seen == 0) {
                throw new AssertionError("exactly one start must succeed");
            }
            losses[lost[0] ? 0 : 1]++;
        }
        System.out.println(losses[0] + " " + losses[1]);
    }

    private static boolean start(Thread t) {
        try {
            t.start();
            return true;
        } catch (IllegalThreadStateException alreadyStarted) {
            return false;
        }
    }
}
