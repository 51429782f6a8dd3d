package dev.racedet.runtime;

import java.util.function.Function;

/**
 * A value computed once per class, looked up by the hooks' slow paths without running JDK
 * synchronization: a few recent classes in a plain array, then a
 * {@link ClassValue}, which racedet's JDK instrumentation would otherwise make run a volatile hook
 * at every lookup. Takes no lock once computed and keeps no class loader alive beyond the recent
 * entries' classes, which are only ever classes of objects the program accessed.
 *
 * <p>Instances may be published by a data race (see {@link HookStateArray}): every field is final
 * or starts at its default value.
 * The compute function must not call application code.
 *
 * @param <T> the value type ({@code null} is not a value)
 */
final class ClassMemo<T> {
    private static final int RECENT = 4;

    private final Entry<T>[] recent;
    private final ClassValue<T> byClass;
    /** Where the next new entry goes; starts at its default, so publication by a data race is safe. */
    private int next;

    @SuppressWarnings("unchecked")
    ClassMemo(Function<Class<?>, T> compute) {
        this.recent = (Entry<T>[]) new Entry<?>[RECENT];
        this.byClass = new ClassValue<>() {
            @Override
            protected T computeValue(Class<?> type) {
                return compute.apply(type);
            }
        };
    }

    T get(Class<?> type) {
        Entry<T>[] r = recent;
        for (Entry<T> e : r) {
            if (e != null && e.type == type) {
                return e.value;
            }
        }
        // Replaced round robin (a racy counter: at worst two threads replace the same entry). No
        // identity hash: a class whose monitor is inflated would take the JVM's slow path for it.
        Entry<T> e = new Entry<>(type, byClass.get(type));
        int i = next;
        r[i & (RECENT - 1)] = e;
        next = i + 1;
        return e.value;
    }

    /** A class and its value: final fields, so entries may be shared without a lock. */
    private static final class Entry<T> {
        final Class<?> type;
        final T value;

        Entry(Class<?> type, T value) {
            this.type = type;
            this.value = value;
        }
    }
}
