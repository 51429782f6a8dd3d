package dev.racedet.runtime;

/**
 * Where the element states of arrays live: an {@link ArrayShadow} per array, created at the first
 * checked access of the array and keyed by identity in a weak table, so it goes away with its array
 * and never calls the array's {@code hashCode}.
 */
final class ArrayShadows {
    private final WeakIdentityTable<ArrayShadow> arrays = new WeakIdentityTable<>();

    /** The shadow of {@code array}, which must be a non-null array. */
    ArrayShadow of(Object array) {
        return arrays.computeIfAbsent(array, ArrayShadow::new);
    }

    /** The shadow of {@code array} if it has one, for tests. */
    ArrayShadow find(Object array) {
        return arrays.get(array);
    }
}
