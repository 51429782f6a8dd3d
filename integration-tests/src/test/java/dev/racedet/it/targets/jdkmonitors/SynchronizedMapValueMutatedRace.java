package dev.racedet.it.targets.jdkmonitors;

import dev.racedet.it.targets.Racers;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Race: a value is put into a {@code Collections.synchronizedMap} and mutated afterwards, outside
 * the map's monitor. The reader's {@code get} is ordered after the {@code put} only.
 */
public class SynchronizedMapValueMutatedRace {
    static final class Session {
        String user;
        long lastSeen;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Session> sessions = Collections.synchronizedMap(new HashMap<>());
        long[] seen = new long[2];
        Racers.race(
                () -> {
                    Session s = new Session();
                    s.user = "ann";
                    sessions.put("ann", s);
                    s.lastSeen = 99; // RACE
                },
                () -> {
                    Session s;
                    while ((s = sessions.get("ann")) == null) {
                        Thread.onSpinWait();
                    }
                    seen[0] = s.user.length();
                    seen[1] = s.lastSeen; // RACE
                });
        if (seen[0] != 3) {
            throw new AssertionError("map broken");
        }
    }
}
