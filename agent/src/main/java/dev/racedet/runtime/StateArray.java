package dev.racedet.runtime;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * States indexed by a dense int id (a static field's id, a class id), created on first use. Reads
 * take no lock; creation and growth take this array's lock.
 *
 * @param <T> the state type
 */
final class StateArray<T> {
    private final IntFunction<T> factory;
    private volatile AtomicReferenceArray<T> states = new AtomicReferenceArray<>(256);

    StateArray(IntFunction<T> factory) {
        this.factory = factory;
    }

    T get(int id) {
        AtomicReferenceArray<T> s = states;
        if (id < s.length()) {
            T state = s.get(id);
            if (state != null) {
                return state;
            }
        }
        return create(id);
    }

    private synchronized T create(int id) {
        AtomicReferenceArray<T> s = states;
        if (id >= s.length()) {
            AtomicReferenceArray<T> grown = new AtomicReferenceArray<>(Math.max(id + 1, s.length() * 2));
            for (int i = 0; i < s.length(); i++) {
                grown.set(i, s.get(i));
            }
            states = grown;
            s = grown;
        }
        T state = s.get(id);
        if (state == null) {
            state = factory.apply(id);
            s.set(id, state);
        }
        return state;
    }
}
