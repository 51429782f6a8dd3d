package dev.racedet.it.targets.jdkmonitors;

import dev.racedet.it.targets.Racers;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Trap: {@code Collections.synchronizedMap} is the only synchronization. Every method of the
 * wrapper runs under the wrapper's monitor (inside the JDK), so a value's fields written before
 * {@code put} are ordered before the reader's {@code get} that returns it, and the wrapped
 * {@code HashMap} is never accessed concurrently.
 */
public class SynchronizedMapTrap {
    static final class Profile {
        String email;
        int age;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Profile> profiles = Collections.synchronizedMap(new HashMap<>());
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    for (int i = 0; i < 50; i++) {
                        Profile p = new Profile();
                        p.email = "u" + i + "@x";
                        p.age = i;
                        profiles.put("u" + i, p);
                    }
                },
                () -> {
                    for (int i = 0; i < 50; i++) {
                        Profile p;
                        while ((p = profiles.get("u" + i)) == null) {
                            Thread.onSpinWait();
                        }
                        seen[0] += p.age + (p.email.isEmpty() ? 1 : 0);
                    }
                });
        if (seen[0] != 1225 || profiles.size() != 50) {
            throw new AssertionError("map broken");
        }
    }
}
