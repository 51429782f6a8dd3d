package dev.racedet.it.targets;

/**
 * Trap: static fields guarded by the class monitor, taken both by {@code static synchronized}
 * methods and by an explicit {@code synchronized (StaticSynchronizedTrap.class)} block. Both forms
 * lock the same {@code Class} object, so all accesses are ordered.
 */
public class StaticSynchronizedTrap {

    private static int nextId = 1;
    private static int issued;

    static synchronized int allocate() {
        issued++;
        return nextId++;
    }

    static synchronized int issued() {
        return issued;
    }

    public static void main(String[] args) throws Exception {
        int[] lastSeen = new int[2];

        Racers.race(
                () -> {
                    for (int i = 0; i < 400; i++) {
                        lastSeen[0] = allocate();
                    }
                },
                () -> {
                    for (int i = 0; i < 400; i++) {
                        synchronized (StaticSynchronizedTrap.class) {
                            issued++;
                            lastSeen[1] = nextId++;
                        }
                    }
                },
                () -> {
                    for (int i = 0; i < 400; i++) {
                        if (issued() > 800) {
                            throw new AssertionError("too many");
                        }
                    }
                });

        if (issued() != 800 || nextId != 801) {
            throw new AssertionError("lost update");
        }
    }
}
