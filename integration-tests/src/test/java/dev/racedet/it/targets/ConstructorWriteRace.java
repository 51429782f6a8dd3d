package dev.racedet.it.targets;

/**
 * A constructor body, after {@code super()}, writes a field of a shared object. Both racers get the
 * same pre-built {@code Registry}; one of them constructs a {@code Session}, whose constructor
 * records itself into the registry, while the other reads the registry's field. The constructor's
 * writes to the new object's own fields are thread-confined (and one is final), so only the write
 * to the shared registry races.
 */
public class ConstructorWriteRace {

    static final class Registry {
        String lastOwner = "nobody";
    }

    static final class Session {
        private final String owner;
        private int generation;

        Session(Registry registry, String owner) {
            super();
            this.owner = owner;
            this.generation = 1;
            registry.lastOwner = owner; // RACE
        }
    }

    public static void main(String[] args) throws Exception {
        Registry registry = new Registry();
        Registry warmUp = new Registry();
        new Session(warmUp, "main"); // initializes Session in main, on an unshared registry: ordered
        Object[] seen = new Object[1];

        Racers.race(
                () -> new Session(registry, "alice"),
                () -> seen[0] = registry.lastOwner); // RACE

        if (!"alice".equals(registry.lastOwner)) { // after join: ordered
            throw new AssertionError("lost write");
        }
    }
}
