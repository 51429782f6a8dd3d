package dev.racedet.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The reverse of {@link FieldOffsets}: which checked field of an object sits at a given offset, as
 * {@code Unsafe} and the JDK's {@code VarHandle} implementation address it. A plain access made
 * that way (a plain {@code VarHandle.get}/{@code set}, a plain {@code Unsafe.getInt}) is then
 * recorded on the same field state as the {@code getfield}/{@code putfield} of that field.
 *
 * <p>Only plain instance fields can be found: static, {@code final}, {@code volatile} and synthetic
 * fields, and racedet's own shadow fields, are never checked as plain accesses (a volatile field's
 * accesses are synchronization, a final field's writes happen in the constructor), so their offsets
 * map to nothing. Each class's layout is computed once, by reflection on the class and its
 * superclasses (no application code runs: {@code getDeclaredFields} and {@code Unsafe}
 * only), and then costs a {@link ClassValue} lookup and a scan of a few longs.
 *
 * <p>The caller must be inside racedet's guard ({@code Engine.enter}): the first lookup of a class
 * reflects and synchronizes, which is not the program's synchronization.
 */
final class FieldLayouts {
    /** Returned for an offset that is no checked field. */
    static final int NONE = -1;
    private static final Object UNSAFE;
    private static final Method OBJECT_FIELD_OFFSET;
    private static final Method ARRAY_BASE_OFFSET;
    private static final Method ARRAY_INDEX_SCALE;

    static {
        Object unsafe = null;
        Method offset = null;
        Method base = null;
        Method scale = null;
        try {
            Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
            unsafe = type.getMethod("getUnsafe").invoke(null);
            offset = type.getMethod("objectFieldOffset", Class.class, String.class);
            base = type.getMethod("arrayBaseOffset", Class.class);
            scale = type.getMethod("arrayIndexScale", Class.class);
        } catch (Throwable notExported) {
            // no layout is known: plain accesses by offset are not checked
        }
        UNSAFE = unsafe;
        OBJECT_FIELD_OFFSET = offset;
        ARRAY_BASE_OFFSET = base;
        ARRAY_INDEX_SCALE = scale;
    }

    private final ClassValue<Layout> layouts = new ClassValue<>() {
        @Override
        protected Layout computeValue(Class<?> type) {
            return type.isArray() ? Layout.ofArray(type) : Layout.ofFields(type);
        }
    };

    /** The field id of the checked field at {@code offset} in objects of {@code type}, or {@link #NONE}. */
    int fieldAt(Class<?> type, long offset) {
        Layout layout = layouts.get(type);
        long[] offsets = layout.offsets;
        for (int i = 0; i < offsets.length; i++) {
            if (offsets[i] == offset) {
                return layout.fieldIds[i];
            }
        }
        return NONE;
    }

    /**
     * The element index at {@code offset} in an array of class {@code type}, or -1 if the offset
     * is not the start of an element (an unaligned or mixed-size access: not checked).
     */
    long indexAt(Class<?> type, long offset) {
        Layout layout = layouts.get(type);
        if (layout.scale <= 0 || offset < layout.base || (offset - layout.base) % layout.scale != 0) {
            return -1;
        }
        return (offset - layout.base) / layout.scale;
    }

    /** The checked fields of a class by offset, or an array class's element addressing. */
    private static final class Layout {
        private static final long[] NO_OFFSETS = new long[0];
        private static final int[] NO_IDS = new int[0];
        final long[] offsets;
        final int[] fieldIds;
        final long base;
        final long scale;

        private Layout(long[] offsets, int[] fieldIds, long base, long scale) {
            this.offsets = offsets;
            this.fieldIds = fieldIds;
            this.base = base;
            this.scale = scale;
        }

        static Layout ofArray(Class<?> type) {
            try {
                if (UNSAFE != null) {
                    long base = ((Number) ARRAY_BASE_OFFSET.invoke(UNSAFE, type)).longValue();
                    long scale = ((Number) ARRAY_INDEX_SCALE.invoke(UNSAFE, type)).longValue();
                    return new Layout(NO_OFFSETS, NO_IDS, base, scale);
                }
            } catch (Throwable e) {
                InternalErrors.record("array layout", e);
            }
            return new Layout(NO_OFFSETS, NO_IDS, 0, 0);
        }

        static Layout ofFields(Class<?> type) {
            long[] offsets = NO_OFFSETS;
            int[] ids = NO_IDS;
            if (UNSAFE == null) {
                return new Layout(offsets, ids, 0, 0);
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (isChecked(f)) {
                        try {
                            long offset = ((Number) OBJECT_FIELD_OFFSET.invoke(UNSAFE, c, f.getName())).longValue();
                            offsets = java.util.Arrays.copyOf(offsets, offsets.length + 1);
                            ids = java.util.Arrays.copyOf(ids, ids.length + 1);
                            offsets[offsets.length - 1] = offset;
                            ids[ids.length - 1] = Registry.fieldId(c.getName(), f.getName(),
                                    f.getType().descriptorString());
                        } catch (Throwable e) {
                            InternalErrors.record("field layout", e);
                        }
                    }
                }
            }
            return new Layout(offsets, ids, 0, 0);
        }

        private static boolean isChecked(Field f) {
            int excluded = Modifier.STATIC | Modifier.FINAL | Modifier.VOLATILE;
            return (f.getModifiers() & excluded) == 0 && !f.isSynthetic() && !f.getName().startsWith("racedet$");
        }
    }
}
