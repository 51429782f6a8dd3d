package dev.racedet.it.targets;

import java.util.HashMap;
import java.util.Map;

/**
 * Trap: the static-final-holder idiom. A class initializer creates an object, sets its plain
 * (non-final) instance fields, and stores it in a {@code static final} field. Racers reach the
 * object through that static and read its fields. The first use of {@code Defaults} in each racer
 * (the {@code getstatic} of {@code INSTANCE}) is ordered after the initializer, and the instance
 * fields are never written again, so nothing races. Main never touches {@code Defaults}.
 */
public class ClassInitHolderTrap {

    static final class Defaults {
        static final Defaults INSTANCE;

        int retries;
        long backoffMillis;
        Map<String, String> headers;

        static {
            Defaults d = new Defaults();
            d.retries = 3;
            d.backoffMillis = 250;
            d.headers = new HashMap<>();
            d.headers.put("accept", "json");
            INSTANCE = d;
        }
    }

    static long readDefaults() {
        Defaults d = Defaults.INSTANCE;
        int r = d.retries;
        long b = d.backoffMillis;
        Map<String, String> h = d.headers;
        return r + b + h.size();
    }

    public static void main(String[] args) throws Exception {
        long[] seen = new long[2];

        Racers.race(
                () -> seen[0] = readDefaults(),
                () -> seen[1] = readDefaults());

        if (seen[0] != 254 || seen[1] != 254) {
            throw new AssertionError("unexpected " + seen[0] + ", " + seen[1]);
        }
    }
}
