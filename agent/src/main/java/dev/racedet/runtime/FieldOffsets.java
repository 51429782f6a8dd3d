package dev.racedet.runtime;

/**
 * The memory location of an instance field as {@code Unsafe} and {@code VarHandle} name it: its
 * offset in the object. Volatile field instructions key their clock by it, so a volatile write seen
 * by a {@code getIntVolatile}, or a CAS seen by a plain volatile read, meet in one clock. Offsets
 * come from {@code jdk.internal.misc.Unsafe.objectFieldOffset(Class, String)} (the agent exports that
 * package to racedet at startup), computed once per field and class of object, never on the hot path
 * beyond a {@link ClassMemo} lookup. Where the offset cannot be had (no export, a class of another
 * shape), the field is keyed by its id instead, which is negative and so never collides with an
 * offset: volatile and atomic accesses of that field then do not meet, which can only lose edges the
 * field carries through {@code Unsafe}.
 */
final class FieldOffsets {
    /** Where offsets come from; {@code null} if {@code jdk.internal.misc.Unsafe} is not accessible. */
    private static final FieldLayouts.Offsets UNSAFE = FieldLayouts.jdkUnsafe();

    private final HookStateArray<ByClass> byField = new HookStateArray<>(ByClass::new);

    /** The location key of field {@code fieldId} in objects of {@code type}. */
    long keyOf(Class<?> type, int fieldId) {
        return byField.get(fieldId).get(type);
    }

    /** The key used when no offset is known: negative, unlike every offset. */
    static long fallbackKey(int fieldId) {
        return -1L - fieldId;
    }

    /** Per field id: the location key by class of the accessed object. */
    private static final class ByClass {
        private final int fieldId;
        private final ClassMemo<Long> keys = new ClassMemo<>(this::computeKey);

        ByClass(int fieldId) {
            this.fieldId = fieldId;
        }

        long get(Class<?> type) {
            return keys.get(type);
        }

        private Long computeKey(Class<?> type) {
            Registry.Field field = Registry.field(fieldId);
            for (Class<?> c = type; c != null && UNSAFE != null; c = c.getSuperclass()) {
                if (c.getName().equals(field.declaringClass())) {
                    try {
                        return UNSAFE.fieldOffset(c, field.name());
                    } catch (Throwable e) {
                        break;
                    }
                }
            }
            return fallbackKey(fieldId);
        }
    }
}
