package dev.racedet.it.targets;

/**
 * Mixed program: {@code size} is always accessed under the monitor and is race-free, while
 * {@code modCount} is touched just after leaving the monitor by both racers. Each racer's
 * {@code modCount} access comes after its last release, so it can never be ordered before the
 * other racer's access: exactly the two {@code modCount} lines are reported, never the
 * {@code size} lines.
 */
public class GuardedAndUnguardedRace {

    private final Object lock = new Object();
    private int size;
    private int modCount;

    void add() {
        synchronized (lock) {
            size++;
        }
        modCount++; // RACE
    }

    int sizeIfUnmodified(int expectedModCount) {
        int s;
        synchronized (lock) {
            s = size;
        }
        if (modCount != expectedModCount) { // RACE
            return -1;
        }
        return s;
    }

    public static void main(String[] args) throws Exception {
        GuardedAndUnguardedRace list = new GuardedAndUnguardedRace();
        list.add(); // main, before start: ordered
        int[] seen = new int[1];

        Racers.race(
                list::add,
                () -> seen[0] = list.sizeIfUnmodified(1));

        if (list.size != 2) { // after join: ordered
            throw new AssertionError("lost update");
        }
    }
}
