package dev.racedet.it.targets.juc;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trap: {@code ConcurrentHashMap} publication with {@code put} → {@code get} and
 * {@code putIfAbsent}. A retrieval reflects the most recently completed update of its key, and
 * actions before placing an object in a concurrent map happen-before actions after retrieving it.
 * Both threads build a session, race to {@code putIfAbsent} it, and read the winner's fields.
 */
public class ConcurrentHashMapPublicationTrap {
    static final class Session {
        String user;
        int level;
    }

    public static void main(String[] args) throws Exception {
        ConcurrentHashMap<String, Session> map = new ConcurrentHashMap<>();
        int[] seen = new int[3];
        Racers.race(
                () -> {
                    Session s = new Session();
                    s.user = "ann";
                    s.level = 1;
                    map.put("config", s);
                    Session mine = new Session();
                    mine.user = "one";
                    mine.level = 3;
                    Session won = map.putIfAbsent("shared", mine);
                    seen[0] = (won == null ? mine : won).level;
                },
                () -> {
                    Session mine = new Session();
                    mine.user = "two";
                    mine.level = 3;
                    Session won = map.putIfAbsent("shared", mine);
                    seen[1] = (won == null ? mine : won).user.length();
                    Session s;
                    while ((s = map.get("config")) == null) {
                        Thread.onSpinWait();
                    }
                    seen[2] = s.level + s.user.length();
                });
        if (seen[0] != 3 || seen[1] != 3 || seen[2] != 4) {
            throw new AssertionError("map broken");
        }
    }
}
