package dev.racedet.it.targets;

/**
 * A synchronized instance method locks {@code this}; a static synchronized method locks the
 * {@code Class} object. Both update the same field, so the "synchronized everywhere" code still
 * races: the two racers never share a monitor.
 */
public class InstanceVsClassMonitorRace {

    static final class Inventory {
        int items;

        synchronized void addOne() {
            items++; // RACE
        }

        static synchronized void removeOne(Inventory inventory) {
            inventory.items--; // RACE
        }
    }

    public static void main(String[] args) throws Exception {
        Inventory inventory = new Inventory();
        inventory.items = 50; // before start: ordered

        Racers.race(
                () -> {
                    for (int i = 0; i < 100; i++) {
                        inventory.addOne();
                    }
                },
                () -> {
                    for (int i = 0; i < 100; i++) {
                        Inventory.removeOne(inventory);
                    }
                });

        if (inventory.items < -50 || inventory.items > 150) { // after join: ordered
            throw new AssertionError("impossible count");
        }
    }
}
