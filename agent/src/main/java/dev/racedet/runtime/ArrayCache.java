package dev.racedet.runtime;

import dev.racedet.runtime.engine.ThreadState;

/**
 * Each thread's last array shadows, by access site: a small direct-mapped cache in its
 * {@link ThreadState}, so that a loop over an array finds the array's shadow without the weak
 * identity table (an identity hash and a chain walk per element). A site usually touches the same
 * array many times in a row (a row of a grid, a buffer), so a site-indexed slot hits; a miss costs
 * one table lookup, then the slot is refilled.
 *
 * <p>The cache holds its arrays strongly: at most {@link #SIZE} per thread, dropped when the thread
 * terminates (see {@code ThreadHooks}) or overwritten by later arrays, so what it keeps alive is
 * bounded by the live threads, not by history. Only the owning thread reads or writes its cache.
 */
final class ArrayCache {
    /** Slots per thread: a power of two. */
    static final int SIZE = 16;

    private ArrayCache() {
    }

    /**
     * Whether {@code t}'s access of {@code array[index]} at {@code site} would change nothing (the
     * same epoch already recorded it), decided from the cache alone: false on a miss, a bad index or
     * anything else, which sends the caller to the full path.
     */
    static boolean isCurrent(ThreadState t, Object array, int index, int site, boolean write) {
        Object[] keys = t.arrayKeys;
        if (keys == null || array == null) {
            return false;
        }
        int slot = site & (SIZE - 1);
        return keys[slot] == array && index >= 0
                && ((ArrayShadow) t.arrayShadows[slot]).isCurrent(t, index, write);
    }

    /** The shadow of {@code array} (non-null), from {@code t}'s cache or {@code arrays}, then cached. */
    static ArrayShadow shadow(ThreadState t, Object array, int site, ArrayShadows arrays) {
        Object[] keys = t.arrayKeys;
        int slot = site & (SIZE - 1);
        if (keys != null && keys[slot] == array) {
            return (ArrayShadow) t.arrayShadows[slot];
        }
        ArrayShadow shadow = arrays.of(array);
        if (t.isTerminated()) {
            return shadow; // nothing kept for a thread that is gone (see ThreadState.isTerminated)
        }
        if (keys == null) {
            t.arrayKeys = keys = new Object[SIZE];
            t.arrayShadows = new Object[SIZE];
        }
        keys[slot] = array;
        t.arrayShadows[slot] = shadow;
        return shadow;
    }

    /** Forgets {@code t}'s cached arrays (the thread terminated). */
    static void clear(ThreadState t) {
        t.arrayKeys = null;
        t.arrayShadows = null;
    }
}
