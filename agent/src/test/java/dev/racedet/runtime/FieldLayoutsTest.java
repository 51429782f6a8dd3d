package dev.racedet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * The field or element a plain access by offset lands on: the same field id the instrumentation
 * gives the field's {@code getfield}/{@code putfield}, inherited fields included, and nothing for the
 * fields whose accesses by offset are not checked. Offsets come from {@code sun.misc.Unsafe} here,
 * which agrees with the JDK-internal one the agent uses.
 */
class FieldLayoutsTest {
    private static final sun.misc.Unsafe U = unsafe();
    private final FieldLayouts layouts = new FieldLayouts(new FieldLayouts.Offsets() {
        @Override
        public long fieldOffset(Class<?> declaring, String name) throws Exception {
            return U.objectFieldOffset(declaring.getDeclaredField(name));
        }

        @Override
        public long arrayBase(Class<?> arrayType) {
            return U.arrayBaseOffset(arrayType);
        }

        @Override
        public long arrayScale(Class<?> arrayType) {
            return U.arrayIndexScale(arrayType);
        }
    });

    static class Base {
        long inherited;
    }

    static class Sample extends Base {
        int count;
        Object ref;
        volatile int flag;
        final int constant = 1;
        static int shared;
    }

    @Test
    void offset_of_a_plain_field_names_the_same_field_as_its_field_instructions() throws Exception {
        int id = layouts.fieldAt(Sample.class, offsetOf(Sample.class, "count"));
        assertEquals(Registry.fieldId(Sample.class.getName(), "count", "I"), id);
        assertEquals(Registry.fieldId(Sample.class.getName(), "ref", "Ljava/lang/Object;"),
                layouts.fieldAt(Sample.class, offsetOf(Sample.class, "ref")));
    }

    @Test
    void inherited_field_is_named_by_its_declaring_class() throws Exception {
        assertEquals(Registry.fieldId(Base.class.getName(), "inherited", "J"),
                layouts.fieldAt(Sample.class, offsetOf(Base.class, "inherited")));
    }

    @Test
    void volatile_and_final_fields_are_not_checked_by_offset() throws Exception {
        assertEquals(FieldLayouts.NONE, layouts.fieldAt(Sample.class, offsetOf(Sample.class, "flag")));
        assertEquals(FieldLayouts.NONE, layouts.fieldAt(Sample.class, offsetOf(Sample.class, "constant")));
    }

    @Test
    void offset_that_is_no_field_maps_to_nothing() {
        assertEquals(FieldLayouts.NONE, layouts.fieldAt(Sample.class, 1_000_000L));
    }

    @Test
    void element_offsets_give_their_index_and_misaligned_ones_none() {
        long base = U.arrayBaseOffset(long[].class);
        long scale = U.arrayIndexScale(long[].class);
        assertEquals(0, layouts.indexAt(long[].class, base));
        assertEquals(5, layouts.indexAt(long[].class, base + 5 * scale));
        assertEquals(-1, layouts.indexAt(long[].class, base + 3));
        assertEquals(-1, layouts.indexAt(long[].class, base - scale));
        assertNotEquals(-1, layouts.indexAt(Object[].class, U.arrayBaseOffset(Object[].class)));
    }

    @Test
    void without_offsets_nothing_is_checked() throws Exception {
        FieldLayouts none = new FieldLayouts(null);
        assertEquals(FieldLayouts.NONE, none.fieldAt(Sample.class, offsetOf(Sample.class, "count")));
        assertEquals(-1, none.indexAt(int[].class, U.arrayBaseOffset(int[].class)));
    }

    private static long offsetOf(Class<?> type, String name) throws NoSuchFieldException {
        return U.objectFieldOffset(type.getDeclaredField(name));
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
