package dev.racedet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ClassMemo}: one computation per class, whatever the order and number of classes asked. */
class ClassMemoTest {
    private final List<Class<?>> computed = new ArrayList<>();
    private final ClassMemo<String> memo = new ClassMemo<>(type -> {
        computed.add(type);
        return type.getSimpleName();
    });

    @Test
    void each_class_is_computed_once_and_keeps_its_own_value() {
        Class<?>[] types = {String.class, Integer.class, Long.class, Short.class, Byte.class, Double.class};
        for (int round = 0; round < 3; round++) {
            for (Class<?> type : types) {
                assertEquals(type.getSimpleName(), memo.get(type));
            }
        }
        assertEquals(List.of(types), computed);
    }

    @Test
    void a_class_asked_again_after_many_others_gets_the_same_value() {
        assertEquals("String", memo.get(String.class));
        for (Class<?> type : new Class<?>[] {Integer.class, Long.class, Short.class, Byte.class, Double.class}) {
            memo.get(type);
        }
        assertEquals("String", memo.get(String.class));
        assertEquals(1, computed.stream().filter(t -> t == String.class).count());
    }
}
