package dev.racedet.it.programs;

import dev.racedet.it.programs.lib.RacyCache;
import java.util.Iterator;

/**
 * Two threads iterate with their own {@link Iterator} implementations (checked code), called through
 * the JDK interface; each {@code hasNext} uses an unchecked library whose unsynchronized
 * {@code HashMap} races. The iteration call is not a JDK collection call, so that race must not be
 * reported at the {@code hasNext} call site: the library is excluded.
 */
public final class CollectionCallbackProgram {
    /** Counts to a limit, asking the library on every step. */
    static final class Counting implements Iterator<Integer> {
        private final int offset;
        private int next;

        Counting(int offset) {
            this.offset = offset;
        }

        @Override
        public boolean hasNext() {
            return RacyCache.lookup(offset + next) >= 0 && next < 2000;
        }

        @Override
        public Integer next() {
            return next++;
        }
    }

    static long sum(Iterator<Integer> values) {
        long sum = 0;
        while (values.hasNext()) { // ITERATION CALL
            sum += values.next();
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        long[] sums = new long[2];
        Thread a = new Thread(() -> sums[0] = sum(new Counting(0)), "a");
        Thread b = new Thread(() -> sums[1] = sum(new Counting(1000)), "b");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(sums[0] + sums[1]);
    }
}
