package bench.objects;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Our own array-backed list, like {@code java.util.ArrayList}: an {@code Object[]} that doubles when
 * full, indexed get/set, and removal that compacts the array. Element accesses are array accesses
 * of checked code (unlike an {@code ArrayList}'s, which live in the JDK). Not thread-safe.
 */
final class GrowableArray<T> {

    private Object[] elements;
    private int size;

    GrowableArray() {
        this(10);
    }

    GrowableArray(int capacity) {
        elements = new Object[Math.max(1, capacity)];
    }

    void add(T value) {
        if (size == elements.length) {
            elements = Arrays.copyOf(elements, size * 2);
        }
        elements[size++] = value;
    }

    @SuppressWarnings("unchecked")
    T get(int index) {
        checkIndex(index);
        return (T) elements[index];
    }

    void set(int index, T value) {
        checkIndex(index);
        elements[index] = value;
    }

    int size() {
        return size;
    }

    /** Removes every element matching {@code filter}, keeping the others' order; returns how many. */
    @SuppressWarnings("unchecked")
    int removeIf(Predicate<? super T> filter) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            T value = (T) elements[i];
            if (!filter.test(value)) {
                elements[kept++] = value;
            }
        }
        int removed = size - kept;
        Arrays.fill(elements, kept, size, null);
        size = kept;
        return removed;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
    }
}
