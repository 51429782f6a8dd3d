package dev.racedet.it.targets;

/**
 * The racy accesses live in lambda bodies (compiled to synthetic {@code lambda$main$N} methods that
 * keep the source lines). One lambda writes a field of the captured object, the other reads it.
 */
public class LambdaRace {

    static final class Settings {
        String mode = "idle";
    }

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings(); // the field initializer runs in main: ordered
        Object[] seen = new Object[1];

        Racers.race(
                () -> settings.mode = "busy", // RACE
                () -> seen[0] = settings.mode); // RACE

        if (!"busy".equals(settings.mode)) { // after join: ordered
            throw new AssertionError("lost write");
        }
    }
}
