package dev.racedet.it.programs.lib;

import java.util.HashMap;
import java.util.Map;

/** A library racedet is told not to check, with an unsynchronized cache of its own. */
public final class RacyCache {
    private static final Map<Integer, Integer> CACHE = new HashMap<>();

    private RacyCache() {
    }

    public static int lookup(int key) {
        return CACHE.computeIfAbsent(key, k -> k * 2);
    }
}
