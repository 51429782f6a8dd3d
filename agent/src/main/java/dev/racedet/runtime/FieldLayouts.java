package dev.racedet.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * The reverse of {@link FieldOffsets}: which checked field of an object sits at a given offset, as
 * {@code Unsafe} and the JDK's {@code VarHandle} implementation address it, and which element of an
 * array. A plain access made that way (a plain {@code VarHandle.get}/{@code set}, a plain
 * {@code Unsafe.getInt}) is then recorded on the same state as the {@code getfield}/{@code putfield}
 * of that field, or the xALOAD/xASTORE of that element.
 *
 * <p>Only plain instance fields are found: static, {@code final}, {@code volatile} and synthetic
 * fields, and racedet's own shadow fields, map to nothing. A volatile field's accesses are
 * synchronization, and libraries (and the JDK) relax them on purpose with plain-mode handles
 * ({@code set} on a volatile field before publication): checking those would report intended
 * relaxations. Each class's layout is computed once, by reflection on the class and its superclasses
 * ({@code getDeclaredFields} and {@code Unsafe}; no application code runs, though the field types
 * get loaded), then costs a {@link ClassValue} lookup and a scan of a few longs.
 *
 * <p>The caller must be inside racedet's guard ({@code Engine.enter}): the first lookup of a class
 * reflects and synchronizes, which is not the program's synchronization.
 */
final class FieldLayouts {
    /** Returned for an offset that is no checked field. */
    static final int NONE = -1;

    /** How the JVM lays out fields and array elements. */
    interface Offsets {
        long fieldOffset(Class<?> declaring, String name) throws Exception;

        long arrayBase(Class<?> arrayType) throws Exception;

        long arrayScale(Class<?> arrayType) throws Exception;
    }

    private final Offsets unsafe;
    private final ClassValue<Layout> layouts = new ClassValue<>() {
        @Override
        protected Layout computeValue(Class<?> type) {
            return type.isArray() ? ofArray(type) : ofFields(type);
        }
    };

    /** Layouts as {@code jdk.internal.misc.Unsafe} gives them (none if the agent could not export it). */
    FieldLayouts() {
        this(jdkUnsafe());
    }

    /**
     * Field and array layouts read through {@code jdk.internal.misc.Unsafe}, by reflection (the agent
     * exports its package to racedet); {@code null} if it is not accessible.
     */
    static Offsets jdkUnsafe() {
        return JdkUnsafe.create();
    }

    /** Layouts from {@code offsets}; {@code null}: no offset maps to anything. */
    FieldLayouts(Offsets offsets) {
        this.unsafe = offsets;
    }

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
     * The element index at {@code offset} in an array of class {@code type}, or -1 if the offset is
     * not the start of an element (an unaligned or mixed-size access: not checked).
     */
    long indexAt(Class<?> type, long offset) {
        Layout layout = layouts.get(type);
        if (layout.scale <= 0 || offset < layout.base || (offset - layout.base) % layout.scale != 0) {
            return -1;
        }
        return (offset - layout.base) / layout.scale;
    }

    private Layout ofArray(Class<?> type) {
        if (unsafe != null) {
            try {
                return new Layout(Layout.NO_OFFSETS, Layout.NO_IDS, unsafe.arrayBase(type), unsafe.arrayScale(type));
            } catch (Throwable e) {
                InternalErrors.record("array layout", e);
            }
        }
        return Layout.EMPTY;
    }

    private Layout ofFields(Class<?> type) {
        if (unsafe == null) {
            return Layout.EMPTY;
        }
        long[] offsets = Layout.NO_OFFSETS;
        int[] ids = Layout.NO_IDS;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!isChecked(f)) {
                    continue;
                }
                try {
                    long offset = unsafe.fieldOffset(c, f.getName());
                    int id = Registry.fieldId(c.getName(), f.getName(), f.getType().descriptorString());
                    offsets = Arrays.copyOf(offsets, offsets.length + 1);
                    ids = Arrays.copyOf(ids, ids.length + 1);
                    offsets[offsets.length - 1] = offset;
                    ids[ids.length - 1] = id;
                } catch (Throwable e) {
                    InternalErrors.record("field layout", e);
                }
            }
        }
        return new Layout(offsets, ids, 0, 0);
    }

    /** Whether plain accesses of {@code f} by offset are checked (see the class comment). */
    static boolean isChecked(Field f) {
        int excluded = Modifier.STATIC | Modifier.FINAL | Modifier.VOLATILE;
        return (f.getModifiers() & excluded) == 0 && !f.isSynthetic() && !f.getName().startsWith("racedet$");
    }

    /** The checked fields of a class by offset, or an array class's element addressing. */
    private static final class Layout {
        static final long[] NO_OFFSETS = new long[0];
        static final int[] NO_IDS = new int[0];
        static final Layout EMPTY = new Layout(NO_OFFSETS, NO_IDS, 0, 0);
        final long[] offsets;
        final int[] fieldIds;
        final long base;
        final long scale;

        Layout(long[] offsets, int[] fieldIds, long base, long scale) {
            this.offsets = offsets;
            this.fieldIds = fieldIds;
            this.base = base;
            this.scale = scale;
        }
    }

    /** {@link Offsets} through {@code jdk.internal.misc.Unsafe}, by reflection (the agent exports it). */
    private static final class JdkUnsafe implements Offsets {
        private final Object unsafe;
        private final Method objectFieldOffset;
        private final Method arrayBaseOffset;
        private final Method arrayIndexScale;

        private JdkUnsafe(Object unsafe, Method objectFieldOffset, Method arrayBaseOffset, Method arrayIndexScale) {
            this.unsafe = unsafe;
            this.objectFieldOffset = objectFieldOffset;
            this.arrayBaseOffset = arrayBaseOffset;
            this.arrayIndexScale = arrayIndexScale;
        }

        static Offsets create() {
            try {
                Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
                return new JdkUnsafe(type.getMethod("getUnsafe").invoke(null),
                        type.getMethod("objectFieldOffset", Class.class, String.class),
                        type.getMethod("arrayBaseOffset", Class.class), type.getMethod("arrayIndexScale", Class.class));
            } catch (Throwable notExported) {
                return null; // plain accesses by offset are not checked
            }
        }

        @Override
        public long fieldOffset(Class<?> declaring, String name) throws Exception {
            return ((Number) objectFieldOffset.invoke(unsafe, declaring, name)).longValue();
        }

        @Override
        public long arrayBase(Class<?> arrayType) throws Exception {
            return ((Number) arrayBaseOffset.invoke(unsafe, arrayType)).longValue();
        }

        @Override
        public long arrayScale(Class<?> arrayType) throws Exception {
            return ((Number) arrayIndexScale.invoke(unsafe, arrayType)).longValue();
        }
    }
}
