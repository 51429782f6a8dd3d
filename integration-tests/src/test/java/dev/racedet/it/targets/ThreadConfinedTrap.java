package dev.racedet.it.targets;

/**
 * Trap: every racer works on its own objects of the same class, both objects handed over by main
 * before the start and objects it allocates itself. The same fields (same lines) are hammered by
 * all racers, but never on the same object, so there is no shared variable and nothing to report.
 */
public class ThreadConfinedTrap {

    static final class Accumulator {
        long total;
        int count;
        Accumulator next;

        void add(long v) {
            total += v;
            count++;
        }
    }

    static long work(Accumulator given) {
        Accumulator own = new Accumulator();
        given.next = own;
        for (int i = 0; i < 1000; i++) {
            given.add(i);
            own.add(2L * i);
        }
        return given.total + given.next.total + own.count;
    }

    public static void main(String[] args) throws Exception {
        Accumulator a = new Accumulator();
        Accumulator b = new Accumulator();
        Accumulator c = new Accumulator();
        long[] seen = new long[3];

        Racers.race(
                () -> seen[0] = work(a),
                () -> seen[1] = work(b),
                () -> seen[2] = work(c));

        long expected = 499_500L * 3 + 1000;
        if (seen[0] != expected || seen[1] != expected || seen[2] != expected || a.count != 1000) {
            throw new AssertionError("unexpected values");
        }
    }
}
