package dev.racedet.it.targets.jdkmonitors;

import dev.racedet.it.targets.Racers;
import java.util.Hashtable;
import java.util.Vector;

/**
 * Trap: {@code Vector} and {@code Hashtable}, whose methods are {@code synchronized} inside the JDK,
 * as the only synchronization: a producer fills objects and adds them; a consumer polls until it
 * sees them and reads their fields; a third thread counts into the table with {@code merge}
 * (atomic under the table's monitor).
 */
public class VectorAndHashtableTrap {
    static final class Job {
        String name;
    }

    public static void main(String[] args) throws Exception {
        Vector<Job> jobs = new Vector<>();
        Hashtable<String, Integer> counts = new Hashtable<>();
        int[] seen = new int[1];
        Racers.race(
                () -> {
                    for (int i = 0; i < 30; i++) {
                        Job j = new Job();
                        j.name = "job";
                        jobs.add(j);
                        counts.merge("added", 1, Integer::sum);
                    }
                },
                () -> {
                    for (int i = 0; i < 30; i++) {
                        while (jobs.size() <= i) {
                            Thread.onSpinWait();
                        }
                        seen[0] += jobs.get(i).name.length();
                        counts.merge("seen", 1, Integer::sum);
                    }
                });
        if (seen[0] != 90 || counts.get("added") != 30 || counts.get("seen") != 30) {
            throw new AssertionError("vector broken");
        }
    }
}
