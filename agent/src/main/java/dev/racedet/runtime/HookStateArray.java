package dev.racedet.runtime;

import java.util.function.IntFunction;

/**
 * States indexed by a dense int id, read by the access hooks' fast paths: a plain array behind a
 * volatile reference, read without any JDK code. (racedet instruments the JDK's atomics, so an
 * {@code AtomicReferenceArray} read outside racedet's guard would run a hook of its own at every
 * access.) Creation and growth take this array's lock.
 *
 * <p>Elements are published by a data race (stored plainly, read without a lock), so the caller
 * guarantees that a state is safe to publish that way: every field that does not start at its
 * default value is final, as the Java Memory Model then shows a reader the object as constructed.
 *
 * @param <T> the state type
 */
final class HookStateArray<T> {
    private final IntFunction<T> factory;
    private volatile Object[] states = new Object[256];

    HookStateArray(IntFunction<T> factory) {
        this.factory = factory;
    }

    @SuppressWarnings("unchecked")
    T get(int id) {
        Object[] s = states;
        if (id < s.length) {
            Object state = s[id];
            if (state != null) {
                return (T) state;
            }
        }
        return create(id);
    }

    @SuppressWarnings("unchecked")
    private synchronized T create(int id) {
        Object[] s = states;
        if (id >= s.length) {
            s = java.util.Arrays.copyOf(s, Math.max(id + 1, s.length * 2));
            states = s;
        }
        Object state = s[id];
        if (state == null) {
            state = factory.apply(id);
            s[id] = state;
        }
        return (T) state;
    }
}
