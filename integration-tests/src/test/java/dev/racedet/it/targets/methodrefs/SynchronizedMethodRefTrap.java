package dev.racedet.it.targets.methodrefs;

import dev.racedet.it.targets.Racers;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Trap: a {@code synchronized} method called through a bound method reference
 * ({@code ledger::add} as an {@code IntConsumer}) from two threads. The monitor is taken by the
 * callee, so the reference changes nothing: all updates are ordered.
 */
public class SynchronizedMethodRefTrap {
    private long total;
    private int entries;

    synchronized void add(int amount) {
        total += amount;
        entries++;
    }

    synchronized long total() {
        return total;
    }

    public static void main(String[] args) throws Exception {
        SynchronizedMethodRefTrap ledger = new SynchronizedMethodRefTrap();
        IntConsumer add = ledger::add;
        Runnable work = () -> IntStream.rangeClosed(1, 100).forEach(add);
        Racers.race(work, work);
        if (ledger.total() != 10100 || ledger.entries != 200) {
            throw new AssertionError("lost update");
        }
    }
}
