package dev.racedet.it.targets;

/**
 * A terminated thread's clock slot is handed to later threads, but its accesses must stay unordered
 * with every thread that is not ordered after it. racer-1 starts a {@code writer} thread, joins it,
 * and then starts and joins a series of short threads (which reuse the writer's slot, because racer-1
 * is ordered after the writer). racer-2 reads the writer's field a little later without any
 * synchronization with racer-1's threads: whichever comes first, the write and the read race.
 */
public class ReusedThreadSlotRace {

    private int shared;
    private int counter;

    public static void main(String[] args) throws Exception {
        ReusedThreadSlotRace state = new ReusedThreadSlotRace();
        int[] seen = new int[1];

        Racers.race(
                Racers.unchecked(() -> {
                    Thread writer = new Thread(() -> state.shared = 1, "writer"); // RACE
                    writer.start();
                    writer.join();
                    for (int i = 0; i < 20; i++) {
                        Thread next = new Thread(() -> state.counter++, "next-" + i); // ordered by start/join
                        next.start();
                        next.join();
                    }
                }),
                Racers.unchecked(() -> {
                    Thread.sleep(100); // not synchronization: only makes the later read the likely order
                    seen[0] = state.shared; // RACE
                }));

        if (state.counter != 20) { // after join: ordered
            throw new AssertionError("unexpected count " + state.counter);
        }
    }
}
