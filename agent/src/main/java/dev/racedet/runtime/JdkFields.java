package dev.racedet.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ids of the volatile fields that instrumented JDK code names, in an id space of their own: dense,
 * assigned in order, and able to start from a saved list, so that instrumented JDK classes can be
 * saved and reused by later JVMs (see the agent's {@code JdkClassCache}) with the ids baked into them
 * still meaning the same fields. Hooks map a JDK id to the runtime's field id ({@link Registry}) once.
 */
public final class JdkFields {
    private static final Map<String, Integer> IDS = new HashMap<>();
    private static final List<String> KEYS = new ArrayList<>();
    /** JDK id -> Registry field id + 1 (0: not mapped yet). */
    private static volatile int[] global = new int[256];

    private JdkFields() {
    }

    /** The JDK id of field {@code name} of type {@code descriptor} declared by {@code declaringClass}. */
    public static synchronized int idOf(String declaringClass, String name, String descriptor) {
        String key = declaringClass + " " + name + " " + descriptor;
        Integer id = IDS.get(key);
        if (id == null) {
            id = KEYS.size();
            KEYS.add(key);
            IDS.put(key, id);
        }
        return id;
    }

    /** Every key so far, in id order. */
    public static synchronized List<String> keys() {
        return new ArrayList<>(KEYS);
    }

    /**
     * Starts the id space from {@code saved} (keys in id order); only possible before any id was
     * assigned. Returns whether it did.
     */
    public static synchronized boolean preload(List<String> saved) {
        if (!KEYS.isEmpty()) {
            return false;
        }
        for (String key : saved) {
            if (key.split(" ").length != 3 || IDS.putIfAbsent(key, KEYS.size()) != null) {
                IDS.clear();
                KEYS.clear();
                return false;
            }
            KEYS.add(key);
        }
        return true;
    }

    /** Returned by {@link #fieldIdOutsideGuard} to a thread inside racedet for an id not mapped yet. */
    static final int UNMAPPED = -1;

    /** The runtime field id of JDK id {@code jdkId}, mapped now if it is not yet. */
    static int fieldId(int jdkId) {
        int id = mapped(jdkId);
        return id != UNMAPPED ? id : map(jdkId);
    }

    /**
     * {@link #fieldId} for a hook that has not entered racedet's guard yet: {@link #UNMAPPED} if the
     * id is not mapped and the calling thread runs racedet's own code (the hook then does nothing
     * anyway). Mapping takes {@link Registry}'s lock, and racedet's own code may run JDK code (a
     * method handle's first uses) while the thread holds a JDK lock that a thread holding
     * Registry's lock waits for.
     */
    static int fieldIdOutsideGuard(int jdkId) {
        int id = mapped(jdkId);
        return id != UNMAPPED || Engine.insideRacedet() ? id : map(jdkId);
    }

    /** The runtime id {@code jdkId} is mapped to, or {@link #UNMAPPED}; no lock. */
    private static int mapped(int jdkId) {
        int[] g = global;
        return jdkId < g.length && g[jdkId] != 0 ? g[jdkId] - 1 : UNMAPPED;
    }

    /**
     * Maps a JDK id to a runtime id. {@link Registry}'s lock is taken without this class's: a thread
     * that holds Registry's lock may come here (a hook in JDK code it runs), and holding both in the
     * other order would deadlock with it. {@link Registry#fieldId} returns the same id for the same
     * key, so two threads mapping one id at once agree.
     */
    private static int map(int jdkId) {
        String key;
        synchronized (JdkFields.class) {
            key = KEYS.get(jdkId);
        }
        String[] parts = key.split(" ");
        int id = Registry.fieldId(parts[0], parts[1], parts[2]);
        return publish(jdkId, id);
    }

    private static synchronized int publish(int jdkId, int id) {
        int[] g = global;
        if (jdkId >= g.length) {
            g = Arrays.copyOf(g, Math.max(jdkId + 1, g.length * 2));
        }
        g[jdkId] = id + 1;
        global = g; // volatile write publishes the element too
        return id;
    }
}
